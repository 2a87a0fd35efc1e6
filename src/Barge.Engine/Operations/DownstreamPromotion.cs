using System.Security.Cryptography;
using System.Text.Json;
using Barge.Engine.Audit;
using Barge.Engine.Manifests;
using Barge.Engine.Pipeline;
using Barge.Engine.Promotion;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;

namespace Barge.Engine.Operations;

/// <summary>
/// Promotes Freight to every Stage immediately downstream of one (kargo-rest-api.md §4.8): the Stages that
/// request the Freight's origin with <c>sources.stages</c> listing the upstream Stage. The Freight must be
/// verified in the upstream Stage and available to every downstream one — all checked before anything is
/// created. Control-flow Stages are skipped; each Promotion is stored with its PromotionCreated audit entry.
/// </summary>
public sealed class DownstreamPromotion
{
    private readonly IResourceStore _store;
    private readonly PromotionFactory _factory;
    private readonly FreightAvailability _availability;

    public DownstreamPromotion(IResourceStore store, TimeProvider time, RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        _store = store;
        _factory = new PromotionFactory(store, time, random);
        _availability = new FreightAvailability(time);
    }

    /// <summary>Creates a Promotion of <paramref name="freight"/> (name or alias) for each Stage downstream of <paramref name="fromStage"/>.</summary>
    public async Task<DownstreamResult> CreateAsync(string project, string freight, string fromStage, string actor, CancellationToken cancellationToken)
    {
        if (OperationReads.MissingArgument(("project", project), ("freight", freight), ("fromStage", fromStage), ("actor", actor)) is { } missing)
        {
            return DownstreamResult.Fail(OperationFailure.BadInput, missing);
        }
        if (await OperationReads.GetStageAsync(_store, project, fromStage, cancellationToken) is null)
        {
            return DownstreamResult.Fail(OperationFailure.NotFound, $"Stage \"{fromStage}\" not found in project \"{project}\"");
        }
        var lookup = await OperationReads.FindFreightAsync(_store, project, freight, cancellationToken);
        if (lookup.Freight is not { } found)
        {
            return DownstreamResult.Fail(lookup.Failure, lookup.Message);
        }
        var downstream = (await _store.ListAsync(ResourceQuery.OfKind("Stage", project), cancellationToken)).Items
            .Select(StoredResources.ToTyped<Stage>)
            .Where(s => (s.Spec?.RequestedFreight ?? []).Any(r => OriginKeys.Same(r.Origin, found.Origin) && (r.Sources?.Stages ?? []).Contains(fromStage)))
            .ToList();
        if (downstream.Count == 0)
        {
            return DownstreamResult.Fail(OperationFailure.NotFound, $"Stage \"{fromStage}\" in project \"{project}\" has no downstream stages for Freight from origin \"{OriginKeys.Of(found.Origin)}\"");
        }
        if (found.Status?.VerifiedIn?.ContainsKey(fromStage) != true)
        {
            return DownstreamResult.Fail(OperationFailure.NotVerified, $"Freight \"{found.Name}\" is not verified in Stage \"{fromStage}\" in project \"{project}\"");
        }
        foreach (var stage in downstream)
        {
            var verdict = _availability.Evaluate(stage, found);
            if (!verdict.IsAvailable)
            {
                return DownstreamResult.Fail(OperationFailure.NotVerified,
                    $"Freight \"{found.Name}\" is not available to downstream Stage \"{stage.Name}\": {string.Join("; ", verdict.Reasons.Select(r => r.Message))}");
            }
        }
        var promotions = new List<Barge.Resources.Model.Promotion>();
        var errors = new List<string>();
        foreach (var stage in downstream.Where(s => (s.Spec?.PromotionTemplate?.Spec?.Steps?.Count ?? 0) > 0))
        {
            var built = await _factory.BuildAsync(new PromotionRequest(project, stage.Name) { Freight = found.Name, Actor = actor }, cancellationToken);
            if (built.Promotion is not { } promotion || !built.Succeeded)
            {
                errors.AddRange(built.Errors);
                continue;
            }
            try
            {
                promotions.Add(await StoreAsync(promotion, found, actor, cancellationToken));
            }
            catch (ResourceStoreException e)
            {
                errors.Add($"Promotion \"{promotion.Name}\" for Stage \"{stage.Name}\" in project \"{project}\": {e.Message}");
            }
        }
        var message = promotions.Count == 0 && errors.Count == 0
            ? $"every Stage downstream of \"{fromStage}\" is a control-flow Stage: no Promotion created"
            : $"{promotions.Count} Promotion(s) created downstream of Stage \"{fromStage}\"";
        return new DownstreamResult(OperationFailure.None, message, promotions, errors);
    }

    private async Task<Barge.Resources.Model.Promotion> StoreAsync(Barge.Resources.Model.Promotion promotion, Freight freight, string actor, CancellationToken cancellationToken)
    {
        var manifest = ResourceSerializer.ToJsonNode((Resource)promotion);
        var key = new ResourceKey("Promotion", promotion.Project, promotion.Name);
        var resource = new NewResource(key, promotion.ApiVersion, ManifestEnvelope.SpecOf("Promotion", manifest))
        {
            Labels = promotion.Metadata.Labels ?? [],
            Annotations = promotion.Metadata.Annotations ?? [],
            Status = JsonSerializer.SerializeToElement(manifest["status"]),
        };
        var stage = promotion.Spec?.Stage ?? "";
        var record = new AuditRecord(AuditTypes.PromotionCreated, actor, $"Promotion created for Stage \"{stage}\" by \"{actor}\"")
        {
            Stage = stage,
            Freight = freight.Name,
            FreightAlias = freight.Alias,
            Origin = freight.Origin?.Name,
            Promotion = promotion.Name,
            Phase = nameof(PromotionPhase.Pending),
        };
        var stored = await _store.ApplyAsync([new StoreOperation.Create(resource)], [record.ToEventEntry(key)], cancellationToken);
        return StoredResources.ToTyped<Barge.Resources.Model.Promotion>(stored[0]);
    }
}
