using Barge.Engine.Manifests;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;

namespace Barge.Server.Ui;

/// <summary>Typed views of stored resources for the pages.</summary>
internal static class UiResources
{
    public const string CreateActorAnnotation = "kargo.akuity.io/create-actor";

    public static T As<T>(StoredResource stored)
        where T : Resource =>
        (T)ResourceSerializer.FromJson(ManifestEnvelope.ToManifest(stored).ToJsonString());

    public static async Task<IReadOnlyList<T>> ListAsync<T>(IResourceStore store, string kind, string project, CancellationToken cancellationToken)
        where T : Resource
    {
        var list = await store.ListAsync(ResourceQuery.OfKind(kind, project), cancellationToken);
        return list.Items.Select(As<T>).ToList();
    }

    /// <summary>
    /// Freight name → alias for the named Freight of a project, read one by one (the Stage cards need the
    /// aliases of the Freight they hold, not the project's whole Freight list); an unknown name maps to null.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string?>> AliasesAsync(IResourceStore store, string project, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var aliases = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (aliases.ContainsKey(name))
            {
                continue;
            }
            var stored = await store.GetAsync(new ResourceKey("Freight", project, name), cancellationToken);
            aliases[name] = stored?.Spec.ValueKind == System.Text.Json.JsonValueKind.Object
                && stored.Spec.TryGetProperty("alias", out var alias) && alias.ValueKind == System.Text.Json.JsonValueKind.String
                ? alias.GetString()
                : null;
        }
        return aliases;
    }

    /// <summary>The Stage's current Freight per origin (<c>Warehouse/name</c> → reference), newest collection.</summary>
    public static IReadOnlyDictionary<string, FreightReference> Current(Stage stage) =>
        stage.Status?.FreightHistory is { Count: > 0 } history && history[0].Items is { } items
            ? items
            : new Dictionary<string, FreightReference>();

    /// <summary>The Warehouses a Stage requests Freight from.</summary>
    public static IReadOnlyList<string> Origins(Stage stage) =>
        stage.Spec?.RequestedFreight?.Select(r => r.Origin?.Name ?? "").Where(n => n.Length > 0).Distinct().ToList() ?? [];

    /// <summary>Short text of a Freight's artifacts: image tags, short commit ids, chart versions.</summary>
    public static string Versions(IEnumerable<Image>? images, IEnumerable<GitCommit>? commits, IEnumerable<Chart>? charts)
    {
        var parts = new List<string>();
        parts.AddRange(images?.Select(i => i.Tag ?? ShortDigest(i.Digest)) ?? []);
        parts.AddRange(commits?.Select(c => c.Tag is { Length: > 0 } tag ? tag : (c.Id is { Length: > 7 } id ? id[..7] : c.Id ?? "")) ?? []);
        parts.AddRange(charts?.Select(c => c.Version ?? "") ?? []);
        return string.Join(", ", parts.Where(p => p.Length > 0));
    }

    public static string PhaseClass(string? phase) => "phase-" + (phase ?? "none").ToLowerInvariant();

    private static string ShortDigest(string? digest) => digest is { Length: > 19 } d ? d[..19] : digest ?? "";
}
