using Barge.Server.Auth;
using Barge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Barge.Server.Api;

/// <summary>Freight (kargo-rest-api.md §4.4, §4.10, §4.14).</summary>
internal static class FreightRoutes
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/projects/{project}/freight", QueryAsync).RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("freight");
        api.MapGet("/projects/{project}/freight/{freight}", GetAsync).RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("freight");
        api.MapDelete("/projects/{project}/freight/{freight}", DeleteAsync).RequireAccess(Access.Project(ProjectRole.Admin)).WithTags("freight");
        api.MapPatch("/projects/{project}/freight/{freight}/alias", UpdateAliasAsync).RequireAccess(Access.Project(ProjectRole.Admin)).WithTags("freight");
    }

    private static async Task<IResult> QueryAsync(HttpContext context, string project, ResourceReads reads, ApiWatches watches)
    {
        var request = context.Request;
        var origins = request.Values("origins");
        if (request.Flag("watch"))
        {
            return watches.Collection(ResourceQuery.OfKind("Freight", project), ResourceReads.FreightOriginFilter(origins));
        }
        foreach (var unsupported in new[] { "groupBy", "group", "orderBy" })
        {
            if (request.Query[unsupported].ToString() is { Length: > 0 } value && !(unsupported == "orderBy" && value == "first_seen"))
            {
                return Problems.Result(ApiError.BadRequest($"invalid_argument: {unsupported}={value} is not supported by this server (only ungrouped Freight ordered by first_seen)"));
            }
        }
        var result = await reads.QueryFreightAsync(project, request.Query["stage"].ToString(), origins, request.Flag("reverse"), context.RequestAborted);
        return result.ToResult(found => ManifestJson.Custom(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("groups");
            writer.WriteStartObject("");
            ManifestJson.WriteItems(writer, "items", found.Items);
            writer.WriteEndObject();
            writer.WriteEndObject();
            if (found.ResourceVersion is { } version)
            {
                writer.WriteString("resourceVersion", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            writer.WriteEndObject();
        }));
    }

    private static async Task<IResult> GetAsync(HttpContext context, string project, string freight, ResourceReads reads) =>
        (await reads.GetFreightAsync(project, freight, context.RequestAborted)).ToResult(f => ManifestJson.Object(f));

    private static async Task<IResult> DeleteAsync(HttpContext context, string project, string freight, ResourceReads reads, ResourceActions actions)
    {
        var found = await reads.GetFreightAsync(project, freight, context.RequestAborted);
        return found.Succeeded
            ? (await actions.DeleteAsync(found.Value.Key, context.RequestAborted)).ToResult(_ => Results.NoContent())
            : Problems.Result(found.Error);
    }

    private static async Task<IResult> UpdateAliasAsync(HttpContext context, string project, string freight, ResourceReads reads, ResourceActions actions)
    {
        var newAlias = context.Request.Query["newAlias"].ToString();
        if (newAlias.Length == 0)
        {
            return Problems.Result(ApiError.BadRequest("newAlias query parameter is required"));
        }
        var found = await reads.GetFreightAsync(project, freight, context.RequestAborted);
        return found.Succeeded
            ? (await actions.UpdateFreightAliasAsync(project, found.Value, newAlias, context.RequestAborted)).ToResult(_ => ManifestJson.Empty())
            : Problems.Result(found.Error);
    }
}
