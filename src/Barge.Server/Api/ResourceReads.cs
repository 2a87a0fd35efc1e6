using Barge.Engine.Manifests;
using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;
using Barge.Storage.Selection;

namespace Barge.Server.Api;

/// <summary>
/// The read side of the API (and of the UI to come): one resource by name, lists with Kargo's filters,
/// Freight by name or alias and Freight available to a Stage. Messages follow Kargo's wording.
/// </summary>
public sealed class ResourceReads
{
    private readonly IResourceStore _store;
    private readonly TimeProvider _time;

    public ResourceReads(IResourceStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
    }

    /// <summary>One resource; 404 in Kubernetes' words (<c>stages.kargo.akuity.io "qa" not found</c>).</summary>
    public async Task<ApiOutcome<StoredResource>> GetAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        var stored = await _store.GetAsync(key, cancellationToken);
        return stored is null ? ApiError.NotFound(KargoNames.NotFound(key)) : stored;
    }

    /// <summary>Every resource of a kind in a project (Kargo sorts by name; the store does too).</summary>
    public Task<ResourceList> ListAsync(string kind, string project, CancellationToken cancellationToken) =>
        _store.ListAsync(ResourceQuery.OfKind(kind, project), cancellationToken);

    /// <summary>Projects whose name contains <paramref name="filter"/> (case-insensitive) and that the predicate admits.</summary>
    public async Task<IReadOnlyList<StoredResource>> ListProjectsAsync(string? filter, Func<string, bool> visible, CancellationToken cancellationToken)
    {
        var list = await _store.ListAsync(ResourceQuery.OfKind("Project", ""), cancellationToken);
        return list.Items
            .Where(p => visible(p.Key.Name) && (string.IsNullOrEmpty(filter) || p.Key.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>Stages; with origins, only those requesting Freight from one of those Warehouses.</summary>
    public async Task<ResourceList> ListStagesAsync(string project, IReadOnlyList<string> freightOrigins, CancellationToken cancellationToken)
    {
        var list = await _store.ListAsync(ResourceQuery.OfKind("Stage", project), cancellationToken);
        return freightOrigins.Count == 0 ? list : list with { Items = list.Items.Where(s => StageFilter(freightOrigins)(s)).ToList() };
    }

    /// <summary>Whether a Stage requests Freight from one of the Warehouses (for lists and watches).</summary>
    public static Func<StoredResource, bool> StageFilter(IReadOnlyList<string> freightOrigins) => stage =>
        freightOrigins.Count == 0
        || (stage.Spec.TryGetProperty("requestedFreight", out var requested) && requested.ValueKind == System.Text.Json.JsonValueKind.Array
            && requested.EnumerateArray().Any(r =>
                r.TryGetProperty("origin", out var origin)
                && origin.TryGetProperty("kind", out var kind) && kind.GetString() == "Warehouse"
                && origin.TryGetProperty("name", out var name) && freightOrigins.Contains(name.GetString() ?? "")));

    /// <summary>Promotions, optionally of one Stage (an empty stage means all, as Kargo).</summary>
    public Task<ResourceList> ListPromotionsAsync(string project, string? stage, CancellationToken cancellationToken)
    {
        var query = ResourceQuery.OfKind("Promotion", project);
        if (!string.IsNullOrEmpty(stage))
        {
            query = query with { Fields = [FieldFilter.Equal(FieldRoot.Spec, ["stage"], stage)] };
        }
        return _store.ListAsync(query, cancellationToken);
    }

    /// <summary>Freight by name, else by alias; Kargo's 404 message otherwise.</summary>
    public async Task<ApiOutcome<StoredResource>> GetFreightAsync(string project, string nameOrAlias, CancellationToken cancellationToken)
    {
        if (await _store.GetAsync(new ResourceKey("Freight", project, nameOrAlias), cancellationToken) is { } byName)
        {
            return byName;
        }
        var byAlias = await _store.ListAsync(
            ResourceQuery.OfKind("Freight", project) with { Labels = Storage.Selection.LabelSelector.Parse($"{KargoApi.AliasLabel}={nameOrAlias}") }, cancellationToken);
        return byAlias.Items.Count > 0
            ? byAlias.Items[0]
            : ApiError.NotFound($"Freight with name or alias \"{nameOrAlias}\" not found in project \"{project}\"");
    }

    /// <summary>
    /// Kargo's Freight query without grouping: Freight from the given origins (all when none), or the
    /// Freight available to <paramref name="stage"/>; ordered by discovery time, optionally reversed.
    /// </summary>
    public async Task<ApiOutcome<FreightQueryResult>> QueryFreightAsync(string project, string? stage, IReadOnlyList<string> origins, bool reverse, CancellationToken cancellationToken)
    {
        var all = await _store.ListAsync(ResourceQuery.OfKind("Freight", project), cancellationToken);
        IEnumerable<StoredResource> items;
        long? version = all.ResourceVersion;
        if (!string.IsNullOrEmpty(stage))
        {
            var stored = await _store.GetAsync(new ResourceKey("Stage", project, stage), cancellationToken);
            if (stored is null)
            {
                return ApiError.NotFound($"Stage \"{stage}\" not found in project \"{project}\"");
            }
            var typedStage = (Stage)ResourceSerializer.FromJson(ManifestEnvelope.ToManifest(stored).ToJsonString());
            var byName = all.Items.ToDictionary(f => f.Key.Name, StringComparer.Ordinal);
            var typed = all.Items.Select(f => (Freight)ResourceSerializer.FromJson(ManifestEnvelope.ToManifest(f).ToJsonString()));
            items = new FreightAvailability(_time).ListAvailable(typedStage, typed).Select(f => byName[f.Name]);
            version = null;
        }
        else
        {
            items = all.Items.Where(FreightOriginFilter(origins));
        }
        var ordered = items.OrderBy(DiscoveredAt).ThenBy(f => f.Key.Name, StringComparer.Ordinal).ToList();
        if (reverse)
        {
            ordered.Reverse();
        }
        return new FreightQueryResult(ordered, version);
    }

    /// <summary>
    /// Every piece of Freight of the origins <paramref name="stage"/> requests (only <paramref name="origins"/> when
    /// some are given), in store order, each with <see cref="FreightAvailability.EvaluateForList"/>'s verdict — the
    /// one implementation the reconcilers use — so a list shows what a Promotion would accept and why not.
    /// 404 for a missing Stage or requested Warehouse, 400 for an origin the Stage does not request.
    /// </summary>
    public async Task<ApiOutcome<IReadOnlyList<FreightVerdict>>> FreightForStageAsync(string project, string stage, IReadOnlyList<string> origins, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origins);
        var storedStage = await _store.GetAsync(new ResourceKey("Stage", project, stage), cancellationToken);
        if (storedStage is null)
        {
            return ApiError.NotFound($"Stage \"{stage}\" not found in project \"{project}\"");
        }
        var typedStage = (Stage)ResourceSerializer.FromJson(ManifestEnvelope.ToManifest(storedStage).ToJsonString());
        var requested = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in typedStage.Spec?.RequestedFreight ?? [])
        {
            if (request.Origin?.Name is not { } warehouse || (origins.Count > 0 && !origins.Contains(warehouse)))
            {
                continue;
            }
            if (await _store.GetAsync(new ResourceKey("Warehouse", project, warehouse), cancellationToken) is null)
            {
                return ApiError.NotFound($"Warehouse \"{warehouse}\" requested by Stage \"{stage}\" not found in project \"{project}\"");
            }
            requested.Add(warehouse);
        }
        if (origins.FirstOrDefault(o => !requested.Contains(o)) is { } notRequested)
        {
            return ApiError.BadRequest($"Stage \"{stage}\" in project \"{project}\" does not request Freight from Warehouse \"{notRequested}\"");
        }
        var availability = new FreightAvailability(_time);
        var result = new List<FreightVerdict>();
        foreach (var stored in (await _store.ListAsync(ResourceQuery.OfKind("Freight", project), cancellationToken)).Items)
        {
            var freight = (Freight)ResourceSerializer.FromJson(ManifestEnvelope.ToManifest(stored).ToJsonString());
            if (freight.Origin?.Name is { } name && requested.Contains(name))
            {
                result.Add(new FreightVerdict(stored, availability.EvaluateForList(typedStage, freight)));
            }
        }
        return result;
    }

    /// <summary>Whether a Freight's origin is one of the Warehouses (all when none are given).</summary>
    public static Func<StoredResource, bool> FreightOriginFilter(IReadOnlyList<string> origins) => freight =>
        origins.Count == 0
        || (freight.Spec.TryGetProperty("origin", out var origin) && origin.TryGetProperty("name", out var name) && origins.Contains(name.GetString() ?? ""));

    private static DateTimeOffset DiscoveredAt(StoredResource freight) =>
        freight.Spec.TryGetProperty("discoveredAt", out var at) && at.ValueKind == System.Text.Json.JsonValueKind.String
            && DateTimeOffset.TryParse(at.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : freight.CreationTimestamp;
}
