using Barge.Resources.Model;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Cli.Output;
using Barge.Engine.Pipeline;

namespace Barge.Cli.Get;

/// <summary>
/// The table of each kind, with Kargo's columns (kargo-rest-api.md §6) and, for <c>-o wide</c>, a few
/// more that a terminal user asks for next (origins, last promotion, subscriptions, where Freight is).
/// </summary>
internal static class ResourceTables
{
    public static TableWriter Build(ResourceKind kind, IReadOnlyList<JsonObject> manifests, bool wide, TableContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(manifests);
        var columns = Columns(kind, wide, context.Verdicts is not null);
        var table = new TableWriter([.. columns.Select(c => c.Header)]);
        foreach (var manifest in manifests)
        {
            table.AddRow([.. columns.Select(c => c.Value(manifest, context))]);
        }
        return table;
    }

    private static List<Column> Columns(ResourceKind kind, bool wide, bool verdicts)
    {
        var columns = new List<Column> { new("NAME", (m, _) => Str(m, "metadata", "name")) };
        switch (kind.Name)
        {
            case "Project":
                columns.Add(new("READY", (m, _) => Condition(m, "Ready")?.Status ?? "Unknown"));
                columns.Add(new("STATUS", (m, _) => Condition(m, "Ready")?.Message));
                break;
            case "Stage":
                columns.Add(new("SHARD", (m, _) => Str(m, "spec", "shard")));
                columns.Add(new("CURRENT FREIGHT", CurrentFreight));
                columns.Add(new("HEALTH", (m, _) => Str(m, "status", "health", "status")));
                columns.Add(new("VERIFICATION", (m, _) => CurrentCollection(m) is { } current ? Str(Items(current, "verificationHistory").FirstOrDefault() ?? [], "phase") : null));
                columns.Add(new("LAST PROMOTION", (m, c) => Str(m, "status", "lastPromotion", "status", "phase") is { } phase
                    ? phase + (Since(Str(m, "status", "lastPromotion", "finishedAt"), c.Now) is { } ago ? " " + ago : "")
                    : null));
                columns.Add(new("READY", (m, _) => Condition(m, "Ready")?.Status ?? "Unknown"));
                columns.Add(new("STATUS", (m, _) => Condition(m, "Ready")?.Message));
                if (wide)
                {
                    columns.Add(new("ORIGINS", (m, _) => Join(Items(m, "spec", "requestedFreight").Select(r => Str(r, "origin", "name")))));
                    columns.Add(new("LAST PROMOTION NAME", (m, _) => Str(m, "status", "lastPromotion", "name")));
                    columns.Add(new("SUMMARY", (m, _) => Str(m, "status", "freightSummary")));
                }
                break;
            case "Warehouse":
                columns.Add(new("SHARD", (m, _) => Str(m, "spec", "shard")));
                columns.Add(new("READY", (m, _) => Condition(m, "Ready")?.Status ?? "Unknown"));
                columns.Add(new("LAST DISCOVERY", (m, c) => Since(Str(m, "status", "discoveredArtifacts", "discoveredAt"), c.Now)));
                columns.Add(new("LATEST FREIGHT", (m, _) => Str(m, "status", "lastFreightID")));
                columns.Add(new("STATUS", (m, _) => Condition(m, "Ready")?.Message));
                if (wide)
                {
                    columns.Add(new("INTERVAL", (m, _) => Str(m, "spec", "interval")));
                    columns.Add(new("SUBSCRIPTIONS", (m, _) => Join(Items(m, "spec", "subscriptions").Select(Subscription))));
                }
                break;
            case "Freight":
                columns.Add(new("ALIAS", (m, _) => Str(m, "metadata", "labels", "kargo.akuity.io/alias")));
                columns.Add(new("ORIGIN", (m, _) => Str(m, "origin", "kind") is { } originKind ? originKind + "/" + Str(m, "origin", "name") : null));
                if (wide)
                {
                    columns.Add(new("ARTIFACTS", (m, _) => Artifacts(m)));
                    columns.Add(new("CURRENTLY IN", (m, _) => Join((Node(m, "status", "currentlyIn") as JsonObject)?.Select(p => p.Key) ?? [])));
                    if (verdicts)
                    {
                        columns.Add(new("AVAILABLE", (m, c) => Verdict(m, c)?.Route is { } route ? (route == AvailabilityRoute.None ? "no" : RouteName(route)) : null));
                        columns.Add(new("WHY NOT", (m, c) => Verdict(m, c) is { IsAvailable: false } verdict ? string.Join("; ", verdict.Reasons.Select(r => r.Message)) : null));
                    }
                }
                break;
            case "Promotion":
                columns.Add(new("SHARD", (m, _) => Str(m, "metadata", "labels", "kargo.akuity.io/shard")));
                columns.Add(new("STAGE", (m, _) => Str(m, "spec", "stage")));
                columns.Add(new("FREIGHT", (m, _) => Str(m, "spec", "freight")));
                columns.Add(new("PHASE", (m, _) => Str(m, "status", "phase")));
                if (wide)
                {
                    columns.Add(new("MESSAGE", (m, _) => Str(m, "status", "message")));
                }
                break;
            case "PromotionTask" or "ClusterPromotionTask":
                columns.Add(new("STEPS", (m, _) => Count(Items(m, "spec", "steps"))));
                if (wide)
                {
                    columns.Add(new("VARS", (m, _) => Join(Items(m, "spec", "vars").Select(v => Str(v, "name")))));
                }
                break;
            case "ProjectConfig":
                if (wide)
                {
                    columns.Add(new("POLICIES", (m, _) => Count(Items(m, "spec", "promotionPolicies"))));
                }
                break;
            case "ConfigMap":
                columns.Add(new("DATA", (m, _) => Count((Node(m, "data") as JsonObject)?.Select(p => p.Value) ?? [])));
                break;
        }
        columns.Add(new("AGE", Age));
        return columns;
    }

    private static string? Age(JsonObject manifest, TableContext context)
    {
        // Freight's age is its discovery time, as Kargo's CLI shows it.
        var since = Str(manifest, "discoveredAt") ?? Str(manifest, "metadata", "creationTimestamp");
        return since is not null && DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? HumanDuration.Format(context.Now - at)
            : "<unknown>";
    }

    /// <summary>The current Freight per origin, <c>origin:alias</c> (the ID's first 7 characters without alias); the summary before any.</summary>
    private static string? CurrentFreight(JsonObject stage, TableContext context)
    {
        if (CurrentCollection(stage) is not { } current || Node(current, "items") is not JsonObject { Count: > 0 } items)
        {
            return Str(stage, "status", "freightSummary");
        }
        return Join(items.Select(p => p.Value as JsonObject).OfType<JsonObject>().Select(item =>
        {
            var name = Str(item, "name") ?? "";
            var shown = context.Aliases.GetValueOrDefault(name) ?? (name.Length > 7 ? name[..7] : name);
            return Str(item, "origin", "name") + ":" + shown;
        }));
    }

    private static JsonObject? CurrentCollection(JsonObject stage) => Items(stage, "status", "freightHistory").FirstOrDefault();

    private static AvailabilityVerdict? Verdict(JsonObject freight, TableContext context) =>
        context.Verdicts?.GetValueOrDefault(Str(freight, "metadata", "name") ?? "");

    private static string RouteName(AvailabilityRoute route) => route switch
    {
        AvailabilityRoute.Approved => "approved",
        AvailabilityRoute.Direct => "direct",
        _ => "verified-upstream",
    };

    private static string? Subscription(JsonObject subscription)
    {
        var type = subscription.Select(p => p.Key).FirstOrDefault(k => k != "name");
        return type is null ? null : type + ":" + Str(subscription, type, "repoURL");
    }

    private static string Artifacts(JsonObject freight)
    {
        var parts = new List<string>();
        foreach (var (field, noun) in new[] { ("commits", "commit"), ("images", "image"), ("charts", "chart"), ("artifacts", "artifact") })
        {
            var count = Items(freight, field).Count();
            if (count > 0)
            {
                parts.Add(count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s"));
            }
        }
        return string.Join(", ", parts);
    }

    private static (string? Status, string? Message)? Condition(JsonObject manifest, string type)
    {
        var condition = Items(manifest, "status", "conditions").FirstOrDefault(c => Str(c, "type") == type);
        return condition is null ? null : (Str(condition, "status"), Str(condition, "message"));
    }

    private static JsonNode? Node(JsonObject root, params string[] path)
    {
        JsonNode? node = root;
        foreach (var key in path)
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(key, out var child) ? child : null;
        }
        return node;
    }

    /// <summary>How long ago an RFC 3339 time was (<c>3m ago</c> style, as AGE), or null.</summary>
    private static string? Since(string? time, DateTimeOffset now) =>
        DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? HumanDuration.Format(now - at) + " ago" : null;

    private static string? Str(JsonObject root, params string[] path) =>
        Node(root, path) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>()
        : Node(root, path) is JsonValue other ? other.ToJsonString()
        : null;

    private static IEnumerable<JsonObject> Items(JsonObject root, params string[] path) =>
        (Node(root, path) as JsonArray)?.OfType<JsonObject>() ?? [];

    private static string Count<T>(IEnumerable<T> items) => items.Count().ToString(CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<string?> values) => string.Join(",", values.Where(v => !string.IsNullOrEmpty(v)));

    private sealed record Column(string Header, Func<JsonObject, TableContext, string?> Value);
}
