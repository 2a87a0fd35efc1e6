using Barge.Server.Auth;
using Barge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Barge.Server.Api;

/// <summary>Freight (kargo-rest-api.md §4.4, §4.10, §4.14).</summary>
internal static class FreightRoutes
{
    /// <summary>How verdicts are written: camelCase, enums by name.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions VerdictJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/projects/{project}/freight", QueryAsync).RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("freight");
        api.MapGet("/projects/{project}/freight/{freight}", GetAsync).RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("freight");
        api.MapDelete("/projects/{project}/freight/{freight}", DeleteAsync).RequireAccess(Access.Project(ProjectRole.Admin)).WithTags("freight");
        api.MapPatch("/projects/{project}/freight/{freight}/alias", UpdateAliasAsync).RequireAccess(Access.Project(ProjectRole.Admin)).WithTags("freight");
    }

    private static async Task<IResult> QueryAsync(HttpContext context, string project, ResourceReads reads, ApiWatches watches, ListResponseCache lists)
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
        var stage = request.Query["stage"].ToString();
        var reverse = request.Flag("reverse");
        if (request.Query["availability"].ToString() is { Length: > 0 } availability)
        {
            if (availability != "all" || stage.Length == 0)
            {
                return Problems.Result(ApiError.BadRequest($"availability={availability}: only availability=all is supported, with stage=<name>"));
            }
            var verdicts = await reads.FreightForStageAsync(project, stage, origins, context.RequestAborted);
            return verdicts.ToResult(found => ManifestJson.Custom(200, writer => WriteVerdicts(writer, found)));
        }
        if (stage.Length > 0)
        {
            // Availability depends on the clock (soak time) as well as the store: never cached.
            var available = await reads.QueryFreightAsync(project, stage, origins, reverse, context.RequestAborted);
            return available.ToResult(found => ManifestJson.Custom(200, writer => WriteQuery(writer, found)));
        }
        var key = $"Freight/{project}?{reverse}?{string.Join('\u0000', origins)}";
        return await lists.GetBodyAsync(key, async ct =>
        {
            var result = await reads.QueryFreightAsync(project, null, origins, reverse, ct);
            return result.Succeeded
                ? new ListResponseCache.Snapshot(result.Value.ResourceVersion ?? 0, ListResponseCache.Serialize(writer => WriteQuery(writer, result.Value)))
                : result.Error;
        }, context.RequestAborted);
    }

    /// <summary>Kargo's Freight query shape: one group with the empty key, and the version to watch from.</summary>
    private static void WriteQuery(System.Text.Json.Utf8JsonWriter writer, FreightQueryResult found)
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
    }

    /// <summary>
    /// Barge extension (<c>?stage=S&amp;availability=all</c>): every Freight of the origins the Stage requests in
    /// Kargo's query shape, and <c>availability</c>: per Freight name, the route that makes it available
    /// (<c>None</c> when it is not) and the reasons it is not.
    /// </summary>
    private static void WriteVerdicts(System.Text.Json.Utf8JsonWriter writer, IReadOnlyList<FreightVerdict> found)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("groups");
        writer.WriteStartObject("");
        ManifestJson.WriteItems(writer, "items", [.. found.Select(f => f.Freight)]);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WritePropertyName("availability");
        System.Text.Json.JsonSerializer.Serialize(writer, found.ToDictionary(f => f.Freight.Key.Name, f => f.Verdict, StringComparer.Ordinal), VerdictJson);
        writer.WriteEndObject();
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
