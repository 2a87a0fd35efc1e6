using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

using Promotion = Barge.Resources.Model.Promotion;

/// <summary>
/// Kargo's <c>autoPromoteFreight</c> (kargo-spec.md §7.3), plus Barge's per-origin policies: for each
/// requested origin the policy auto-promotes, pick the candidate and create a Promotion of it unless the
/// origin is held, the candidate is current or being promoted, a Promotion of it is pending or has
/// succeeded unrecorded, or its newest terminal Promotion did not succeed (no retry loops).
/// </summary>
public sealed class AutoPromotionPlanner
{
    private readonly FreightAvailability availability;

    public AutoPromotionPlanner(FreightAvailability availability)
    {
        ArgumentNullException.ThrowIfNull(availability);
        this.availability = availability;
    }

    /// <param name="stage">The Stage, its status already carrying this pass's effective holds, current and last Promotion.</param>
    /// <param name="policy">The policy lookup for the Stage.</param>
    /// <param name="freight">The Freight of the origins the Stage requests (availability is decided here).</param>
    /// <param name="promotions">Every Promotion of the Stage.</param>
    public AutoPromotionPlan Plan(Stage stage, PolicyLookup policy, IEnumerable<Freight> freight, IReadOnlyCollection<Promotion> promotions)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(freight);
        ArgumentNullException.ThrowIfNull(promotions);
        var requests = stage.Spec?.RequestedFreight ?? [];
        if (!policy.AutoPromotionEnabled || requests.Count == 0)
        {
            return new AutoPromotionPlan(policy.AutoPromotionEnabled, [], []);
        }
        var candidates = AutoPromotionCandidates.Select(stage, availability.ListAvailable(stage, freight));
        var current = stage.Status?.FreightHistory is [var head, ..] ? head : null;
        var create = new List<PromotionToCreate>();
        var decisions = new List<AutoPromotionDecision>();
        foreach (var request in requests)
        {
            var origin = OriginKeys.Of(request.Origin);
            candidates.TryGetValue(origin, out var candidate);
            var decision = Decide(stage, policy, request, origin, candidate, current, promotions);
            decisions.Add(decision);
            if (decision.Outcome == AutoPromotionOutcome.Promote)
            {
                create.Add(new PromotionToCreate(stage.Project, stage.Name, candidate!.Name, request.Origin!, PipelineAnnotations.StageControllerActor));
            }
        }
        return new AutoPromotionPlan(true, create, decisions);
    }

    private static AutoPromotionDecision Decide(
        Stage stage, PolicyLookup policy, FreightRequest request, string origin, Freight? candidate,
        FreightCollection? current, IReadOnlyCollection<Promotion> promotions)
    {
        var where = $"Stage \"{stage.Name}\"";
        if (!policy.AutoPromotes(request.Origin))
        {
            return new(origin, null, AutoPromotionOutcome.OriginNotAutoPromoted,
                $"{where}: the promotion policy auto-promotes only Freight from {string.Join(", ", policy.Policy!.Origins!.Select(OriginKeys.Of))}, not {origin}");
        }
        if (stage.Status?.EffectiveAutoPromotionHolds?.TryGetValue(origin, out var hold) == true)
        {
            return new(origin, candidate?.Name, AutoPromotionOutcome.Held,
                $"{where}: auto-promotion of {origin} is held since Promotion \"{hold.PromotionName}\" promoted Freight \"{hold.FreightName}\"{(hold.Actor is null ? "" : " for " + hold.Actor)}");
        }
        if (candidate is null)
        {
            return new(origin, null, AutoPromotionOutcome.NoCandidate, $"{where}: no Freight from {origin} is available for auto-promotion");
        }
        var name = candidate.Name;
        var freightText = $"Freight \"{name}\"";
        if (current?.Items?.TryGetValue(origin, out var inStage) == true && inStage.Name == name)
        {
            return new(origin, name, AutoPromotionOutcome.AlreadyCurrent, $"{where} already has {freightText} from {origin}");
        }
        if (stage.Status?.CurrentPromotion?.Freight is { } moving && moving.Name == name && OriginKeys.Of(moving.Origin) == origin)
        {
            return new(origin, name, AutoPromotionOutcome.AlreadyPromoting,
                $"{where} is promoting {freightText} (Promotion \"{stage.Status.CurrentPromotion.Name}\")");
        }
        var last = stage.Status?.LastPromotion?.Name;
        var ofCandidate = promotions.Where(p => p.Spec?.Freight == name).ToList();
        foreach (var promotion in ofCandidate.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var phase = promotion.Status?.Phase ?? PromotionPhase.Pending;
            if (!PromotionOrder.IsTerminal(phase))
            {
                return new(origin, name, AutoPromotionOutcome.PromotionPending,
                    $"{where}: Promotion \"{promotion.Name}\" of {freightText} is {phase}");
            }
            if (phase == PromotionPhase.Succeeded && (last is null || string.CompareOrdinal(promotion.Name, last) > 0))
            {
                return new(origin, name, AutoPromotionOutcome.SucceededNotYetRecorded,
                    $"{where}: Promotion \"{promotion.Name}\" of {freightText} succeeded and is not recorded yet");
            }
        }
        var newestTerminal = ofCandidate
            .Where(p => PromotionOrder.IsTerminal(p.Status?.Phase ?? PromotionPhase.Pending))
            .OrderByDescending(p => p.Metadata.CreationTimestamp ?? DateTimeOffset.MinValue)
            .ThenByDescending(p => p.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (newestTerminal is not null && newestTerminal.Status!.Phase != PromotionPhase.Succeeded)
        {
            return new(origin, name, AutoPromotionOutcome.LastAttemptNotSucceeded,
                $"{where}: the last Promotion of {freightText}, \"{newestTerminal.Name}\", ended {newestTerminal.Status.Phase}; it is not retried automatically");
        }
        return new(origin, name, AutoPromotionOutcome.Promote, $"{where}: auto-promoting {freightText} from {origin}");
    }
}
