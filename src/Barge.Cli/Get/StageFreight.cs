using Barge.Engine.Manifests;
using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;

namespace Barge.Cli.Get;

/// <summary>
/// <c>get freight --stage S</c>: the Freight of the origins the Stage requests, each with the engine's
/// availability verdict (kargo-spec.md §7.2, <see cref="FreightAvailability"/> — the one implementation
/// the reconcilers use), so the list shows exactly what a Promotion would accept.
/// </summary>
internal static class StageFreight
{
    /// <summary>The Freight of the requested origins with their verdicts; or an error naming the missing Stage or Warehouse.</summary>
    public static async Task<(IReadOnlyList<(StoredResource Freight, AvailabilityVerdict Verdict)> Freight, string? Error)> ListAsync(
        IResourceStore store, string project, string stageName, string? origin, TimeProvider time, CancellationToken cancellationToken)
    {
        var storedStage = await store.GetAsync(new ResourceKey("Stage", project, stageName), cancellationToken);
        if (storedStage is null)
        {
            return ([], $"Stage \"{stageName}\" not found in project \"{project}\"");
        }
        var stage = Typed<Stage>(storedStage);
        var origins = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in stage.Spec?.RequestedFreight ?? [])
        {
            if (request.Origin?.Name is not { } warehouse || (origin is not null && warehouse != origin))
            {
                continue;
            }
            if (await store.GetAsync(new ResourceKey("Warehouse", project, warehouse), cancellationToken) is null)
            {
                return ([], $"Warehouse \"{warehouse}\" requested by Stage \"{stageName}\" not found in project \"{project}\"");
            }
            origins.Add(warehouse);
        }
        if (origin is not null && origins.Count == 0)
        {
            return ([], $"Stage \"{stageName}\" in project \"{project}\" does not request Freight from Warehouse \"{origin}\"");
        }
        var availability = new FreightAvailability(time);
        var result = new List<(StoredResource, AvailabilityVerdict)>();
        foreach (var stored in (await store.ListAsync(ResourceQuery.OfKind("Freight", project), cancellationToken)).Items)
        {
            var freight = Typed<Freight>(stored);
            if (freight.Origin?.Name is { } name && origins.Contains(name))
            {
                result.Add((stored, availability.EvaluateForList(stage, freight)));
            }
        }
        return (result, null);
    }

    private static T Typed<T>(StoredResource stored)
        where T : Resource =>
        (T)ResourceSerializer.FromJson(ManifestEnvelope.ToManifest(stored).ToJsonString());
}
