using Barge.Engine.Promotion;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Engine.Controllers.Stages;

using Promotion = Barge.Resources.Model.Promotion;

/// <summary>
/// What one Stage pass reads: the Stage as stored, the project's Freight (with their resourceVersions
/// for compare-and-swap), the Stage's Promotions and the ProjectConfig. The working Freight statuses
/// change as phases decide; <see cref="ChangedFreight"/> is what to write.
/// </summary>
internal sealed class StageSnapshot
{
    private readonly Dictionary<string, (StoredResource Stored, Freight Typed)> _freight;
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    private StageSnapshot(StoredResource stored, Stage stage, Dictionary<string, (StoredResource, Freight)> freight, IReadOnlyList<Promotion> promotions, ProjectConfig? config)
    {
        Stored = stored;
        Stage = stage;
        _freight = freight;
        Promotions = promotions;
        Config = config;
    }

    public StoredResource Stored { get; }

    public Stage Stage { get; }

    public IReadOnlyList<Promotion> Promotions { get; }

    public ProjectConfig? Config { get; }

    /// <summary>The project's Freight with this pass's status changes applied.</summary>
    public IEnumerable<Freight> Freight => _freight.Values.Select(v => v.Typed);

    public IEnumerable<(StoredResource Stored, Freight Typed)> ChangedFreight => _changed.Select(n => _freight[n]);

    public static async Task<StageSnapshot> LoadAsync(IResourceStore store, StoredResource stored, CancellationToken cancellationToken)
    {
        var stage = StoredResources.ToTyped<Stage>(stored);
        var project = stored.Key.Project;
        var freight = await LoadFreightAsync(store, project, cancellationToken);
        var byLabel = ResourceQuery.OfKind("Promotion", project) with
        {
            Labels = Storage.Selection.LabelSelector.FromLabels(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["kargo.akuity.io/stage"] = PromotionNames.ShortenLabel(stage.Name),
            }),
        };
        var promotions = (await store.ListAsync(byLabel, cancellationToken)).Items
            .Select(StoredResources.ToTyped<Promotion>)
            .Where(p => p.Spec?.Stage == stage.Name)
            .ToList();
        var config = await StoredResources.GetAsync<ProjectConfig>(store, "ProjectConfig", project, project, cancellationToken);
        return new StageSnapshot(stored, stage, freight, promotions, config);
    }

    public static async Task<Dictionary<string, (StoredResource, Freight)>> LoadFreightAsync(IResourceStore store, string project, CancellationToken cancellationToken) =>
        (await store.ListAsync(ResourceQuery.OfKind("Freight", project), cancellationToken)).Items
            .ToDictionary(s => s.Key.Name, s => (s, StoredResources.ToTyped<Freight>(s)), StringComparer.Ordinal);

    /// <summary>Applies a Freight status decided by a phase (ignored for Freight not in the project).</summary>
    public void Apply(string freight, FreightStatus status)
    {
        if (_freight.TryGetValue(freight, out var entry) && !ReferenceEquals(entry.Typed.Status, status))
        {
            _freight[freight] = (entry.Stored, entry.Typed with { Status = status });
            _changed.Add(freight);
        }
    }
}
