using Barge.Resources.Durations;
using System.Text.Json;
using Barge.Storage;
using Barge.Storage.Selection;

namespace Barge.Cli.Get;

/// <summary>
/// The Freight available to a Stage, by Kargo's rules (kargo-spec.md §7.2): per requested origin, all of
/// it when the Stage takes it directly; otherwise Freight approved for the Stage, or verified (and
/// soaked for <c>requiredSoakTime</c>) in one upstream Stage, or every one with
/// <c>availabilityStrategy: All</c>; with <c>MatchUpstream</c>, only what the upstream Stage holds now.
/// </summary>
internal static class FreightAvailability
{
    /// <summary>The available Freight; or an error naming the Stage or Warehouse that is missing.</summary>
    public static async Task<(IReadOnlyList<StoredResource> Freight, string? Error)> ListAsync(
        IResourceStore store, string project, string stageName, string? origin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stage = await store.GetAsync(new ResourceKey("Stage", project, stageName), cancellationToken);
        if (stage is null)
        {
            return ([], $"Stage \"{stageName}\" not found in project \"{project}\"");
        }
        var result = new Dictionary<string, StoredResource>(StringComparer.Ordinal);
        foreach (var request in Array(stage.Spec, "requestedFreight"))
        {
            var warehouse = String(request, "origin", "name");
            if (warehouse is null || (origin is not null && warehouse != origin))
            {
                continue;
            }
            if (await store.GetAsync(new ResourceKey("Warehouse", project, warehouse), cancellationToken) is null)
            {
                return ([], $"Warehouse \"{warehouse}\" requested by Stage \"{stageName}\" not found in project \"{project}\"");
            }
            var fromWarehouse = await store.ListAsync(new ResourceQuery
            {
                Kind = "Freight",
                Project = project,
                Fields = [FieldFilter.Equal(FieldRoot.Spec, ["origin", "name"], warehouse)],
            }, cancellationToken);
            var sources = request.TryGetProperty("sources", out var s) ? s : default;
            var direct = sources.ValueKind == JsonValueKind.Object && sources.TryGetProperty("direct", out var d) && d.ValueKind == JsonValueKind.True;
            var upstream = Array(sources, "stages").Where(u => u.ValueKind == JsonValueKind.String).Select(u => u.GetString()!).ToList();
            var all = String(sources, "availabilityStrategy") == "All";
            var soak = GoDuration.TryParse(String(sources, "requiredSoakTime"), out var t) ? t : TimeSpan.Zero;
            var matchUpstream = String(sources, "autoPromotionOptions", "selectionPolicy") == "MatchUpstream";
            foreach (var freight in fromWarehouse.Items)
            {
                var status = freight.Status ?? default;
                var available = direct
                    || Has(status, "approvedFor", stageName)
                    || (upstream.Count > 0 && (all
                        ? upstream.All(u => VerifiedAndSoaked(status, u, soak, now))
                        : upstream.Any(u => VerifiedAndSoaked(status, u, soak, now))));
                if (available && matchUpstream && upstream.Count == 1 && !Has(status, "currentlyIn", upstream[0]))
                {
                    available = false;
                }
                if (available)
                {
                    result[freight.Key.Name] = freight;
                }
            }
        }
        return ([.. result.Values], null);
    }

    private static bool VerifiedAndSoaked(JsonElement status, string stage, TimeSpan required, DateTimeOffset now)
    {
        if (!Has(status, "verifiedIn", stage))
        {
            return false;
        }
        if (required <= TimeSpan.Zero)
        {
            return true;
        }
        var longest = GoDuration.TryParse(String(status, "verifiedIn", stage, "longestSoak"), out var recorded) ? recorded : TimeSpan.Zero;
        if (String(status, "currentlyIn", stage, "since") is { } since && DateTimeOffset.TryParse(since, System.Globalization.CultureInfo.InvariantCulture, out var at))
        {
            longest = longest > now - at ? longest : now - at;
        }
        return longest >= required;
    }

    private static bool Has(JsonElement root, string map, string key) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(map, out var m) && m.ValueKind == JsonValueKind.Object && m.TryGetProperty(key, out _);

    private static List<JsonElement> Array(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? [.. a.EnumerateArray()] : [];

    private static string? String(JsonElement root, params string[] path)
    {
        var current = root;
        foreach (var member in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(member, out current))
            {
                return null;
            }
        }
        return current.ValueKind == JsonValueKind.String ? current.GetString() : null;
    }
}
