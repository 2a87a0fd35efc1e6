using System.Text;
using Barge.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Barge.Server.Api;

/// <summary><c>POST|PUT|DELETE /v1beta1/resources</c> (kargo-rest-api.md §4.15), 4 MiB bodies.</summary>
internal static class ResourceRoutes
{
    public static void Map(RouteGroupBuilder api, long bodyLimit)
    {
        var limit = new RequestSizeLimitAttribute(bodyLimit);
        api.MapPost("/resources", (HttpContext c, ResourceDocuments docs) => RunAsync(c, DocumentMode.Create, 201, docs))
            .RequireAccess(Access.Authenticated).WithMetadata(limit).WithTags("resources");
        api.MapPut("/resources", (HttpContext c, ResourceDocuments docs) => RunAsync(c, c.Request.Flag("upsert") ? DocumentMode.Upsert : DocumentMode.Update, 200, docs))
            .RequireAccess(Access.Authenticated).WithMetadata(limit).WithTags("resources");
        api.MapDelete("/resources", (HttpContext c, ResourceDocuments docs) => RunAsync(c, DocumentMode.Delete, 200, docs))
            .RequireAccess(Access.Authenticated).WithMetadata(limit).WithTags("resources");
    }

    private static async Task<IResult> RunAsync(HttpContext context, DocumentMode mode, int status, ResourceDocuments documents)
    {
        string text;
        using (var reader = new StreamReader(context.Request.Body, new UTF8Encoding(false, true)))
        {
            try
            {
                text = await reader.ReadToEndAsync(context.RequestAborted);
            }
            catch (DecoderFallbackException)
            {
                return Problems.Result(ApiError.BadRequest("error decoding manifest: the body is not UTF-8 text"));
            }
        }
        var outcome = await documents.RunAsync(text, mode, AccessMiddleware.CallerOf(context), context.RequestAborted);
        return outcome.ToResult(results => ManifestJson.Custom(status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("results");
            foreach (var result in results)
            {
                writer.WriteStartObject();
                writer.WritePropertyName(result.Outcome switch
                {
                    DocumentOutcome.Created => "createdResourceManifest",
                    DocumentOutcome.Updated or DocumentOutcome.Unchanged => "updatedResourceManifest",
                    _ => "deletedResourceManifest",
                });
                ManifestJson.Write(writer, result.Resource);
                if (result.Outcome == DocumentOutcome.Unchanged)
                {
                    // Barge extension: nothing was written (the CLI prints "unchanged", as embedded mode).
                    writer.WriteBoolean("unchanged", true);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }));
    }
}
