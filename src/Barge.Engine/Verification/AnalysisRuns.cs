using System.Text.Json;
using System.Text.Json.Serialization;
using Barge.Engine.Promotion;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Engine.Verification;

/// <summary>
/// The analysis runs in the store: kind <see cref="Kind"/> in the Stage's project, labelled with the Stage
/// and the Freight collection (as Kargo labels its AnalysisRuns), spec and status as JSON.
/// </summary>
internal sealed class AnalysisRuns(IResourceStore store)
{
    public const string Kind = "AnalysisRun";
    public const string StageLabel = "kargo.akuity.io/stage";
    public const string FreightCollectionLabel = "kargo.akuity.io/freight-collection";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A run of this Stage and collection that is still Running (one a crash left behind), or null.</summary>
    public async Task<StoredRun?> FindRunningAsync(string project, string stage, string collectionId, CancellationToken cancellationToken)
    {
        var query = ResourceQuery.OfKind(Kind, project) with
        {
            Labels = Barge.Storage.Selection.LabelSelector.FromLabels(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [StageLabel] = PromotionNames.ShortenLabel(stage),
                [FreightCollectionLabel] = collectionId,
            }),
        };
        foreach (var stored in (await store.ListAsync(query, cancellationToken)).Items)
        {
            var run = Read(stored);
            if (run.Spec.Stage == stage && run.Status.Phase == VerificationPhase.Running)
            {
                return run;
            }
        }
        return null;
    }

    /// <summary>Deletes every run of the Stage (Kargo deletes a Stage's AnalysisRuns with it); returns how many.</summary>
    public async Task<int> DeleteForStageAsync(string project, string stage, CancellationToken cancellationToken)
    {
        var query = ResourceQuery.OfKind(Kind, project) with
        {
            Labels = Barge.Storage.Selection.LabelSelector.FromLabels(new Dictionary<string, string>(StringComparer.Ordinal) { [StageLabel] = PromotionNames.ShortenLabel(stage) }),
        };
        var deleted = 0;
        foreach (var stored in (await store.ListAsync(query, cancellationToken)).Items.Where(r => Read(r).Spec.Stage == stage))
        {
            try
            {
                await store.DeleteAsync(stored.Key, cancellationToken: cancellationToken);
                deleted++;
            }
            catch (ResourceNotFoundException)
            {
                // Deleted in between by another cleanup: the outcome is the same.
            }
        }
        return deleted;
    }

    public async Task<StoredRun?> GetAsync(string project, string name, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(new ResourceKey(Kind, project, name), cancellationToken);
        return stored is null ? null : Read(stored);
    }

    public async Task<StoredRun> CreateAsync(string project, string name, AnalysisRunSpec spec, AnalysisRunStatus status, CancellationToken cancellationToken)
    {
        var resource = new NewResource(new ResourceKey(Kind, project, name), ArgoApi.Version, JsonSerializer.SerializeToElement(spec, Json))
        {
            Labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [StageLabel] = PromotionNames.ShortenLabel(spec.Stage),
                [FreightCollectionLabel] = spec.FreightCollection,
            },
            Status = JsonSerializer.SerializeToElement(status, Json),
        };
        return Read(await store.CreateAsync(resource, cancellationToken));
    }

    /// <summary>Writes the status if nobody wrote the run since <paramref name="run"/> was read (throws <see cref="ResourceConflictException"/> otherwise).</summary>
    public async Task<StoredRun> UpdateStatusAsync(StoredRun run, AnalysisRunStatus status, CancellationToken cancellationToken)
    {
        var stored = await store.UpdateStatusAsync(run.Stored.Key, run.Stored.ResourceVersion, JsonSerializer.SerializeToElement(status, Json), cancellationToken);
        return Read(stored);
    }

    private static StoredRun Read(StoredResource stored)
    {
        var spec = stored.Spec.Deserialize<AnalysisRunSpec>(Json)
            ?? throw new InvalidDataException($"{stored.Key} has no spec");
        var status = stored.Status?.Deserialize<AnalysisRunStatus>(Json) ?? new AnalysisRunStatus { StartedAt = stored.CreationTimestamp };
        return new StoredRun(stored, spec, status);
    }
}
