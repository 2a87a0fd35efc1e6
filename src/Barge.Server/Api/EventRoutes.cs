using System.Globalization;
using System.Text.Json;
using Barge.Resources.Model;
using Barge.Server.Auth;
using Barge.Storage;
using Barge.Storage.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Barge.Server.Api;

/// <summary>
/// <c>GET /v1beta1/projects/{p}/events</c>: the project's entries of the store's event log (the audit
/// trail among them) as a Kubernetes <c>EventList</c>, newest first; <c>limit</c> (default 100, at most
/// 1000) and <c>before</c> (an event id) page through it. The actor is the annotation
/// <c>event.kargo.akuity.io/actor</c>, as Kargo's events carry it.
/// </summary>
internal static class EventRoutes
{
    public const int MaxLimit = 1000;
    public const string ActorAnnotation = "event.kargo.akuity.io/actor";

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/projects/{project}/events", ListAsync).RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("events");

    private static async Task<IResult> ListAsync(HttpContext context, string project, IResourceStore store)
    {
        var query = context.Request.Query;
        if (!TryNumber(query["limit"], "limit", out var limit, out var problem) || !TryNumber(query["before"], "before", out var before, out problem))
        {
            return Problems.Result(ApiError.BadRequest(problem));
        }
        var page = await store.QueryEventsAsync(new EventQuery
        {
            Project = project,
            Limit = (int)Math.Clamp(limit ?? 100, 1, MaxLimit),
            Before = before,
        }, context.RequestAborted);
        return ManifestJson.Custom(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("apiVersion", "v1");
            writer.WriteString("kind", "EventList");
            writer.WriteStartObject("metadata");
            if (page.NextBefore is { } next)
            {
                writer.WriteString("continue", next.ToString(CultureInfo.InvariantCulture));
            }
            writer.WriteEndObject();
            writer.WriteStartArray("items");
            foreach (var recorded in page.Items)
            {
                WriteEvent(writer, project, recorded);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static void WriteEvent(Utf8JsonWriter writer, string project, RecordedEvent recorded)
    {
        var entry = recorded.Entry;
        var time = recorded.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        writer.WriteStartObject();
        writer.WriteString("apiVersion", "v1");
        writer.WriteString("kind", "Event");
        writer.WriteStartObject("metadata");
        writer.WriteString("name", $"{entry.Regarding.Name}.{recorded.Id.ToString(CultureInfo.InvariantCulture)}");
        writer.WriteString("namespace", project);
        writer.WriteString("creationTimestamp", time);
        if (!string.IsNullOrEmpty(entry.Actor))
        {
            writer.WriteStartObject("annotations");
            writer.WriteString(ActorAnnotation, entry.Actor);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteStartObject("involvedObject");
        writer.WriteString("apiVersion", ResourceKinds.Find(entry.Regarding.Kind)?.ApiVersion ?? (entry.Regarding.Kind == "AnalysisRun" ? ArgoApi.Version : KargoApi.Version));
        writer.WriteString("kind", entry.Regarding.Kind);
        writer.WriteString("namespace", entry.Regarding.Project);
        writer.WriteString("name", entry.Regarding.Name);
        writer.WriteEndObject();
        writer.WriteString("reason", entry.Type);
        writer.WriteString("message", entry.Message);
        writer.WriteString("type", entry.Type.EndsWith("Failed", StringComparison.Ordinal) || entry.Type.EndsWith("Errored", StringComparison.Ordinal) ? "Warning" : "Normal");
        writer.WriteStartObject("source");
        writer.WriteString("component", "barge");
        writer.WriteEndObject();
        writer.WriteString("firstTimestamp", time);
        writer.WriteString("lastTimestamp", time);
        writer.WriteNumber("count", 1);
        writer.WriteEndObject();
    }

    private static bool TryNumber(string? value, string name, out long? number, out string problem)
    {
        number = null;
        problem = "";
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            number = parsed;
            return true;
        }
        problem = $"{name} \"{value}\": expected a non-negative number";
        return false;
    }
}
