using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

using Promotion = Barge.Resources.Model.Promotion;

/// <summary>
/// Auto-promotion holds (kargo-spec.md §7.3): when a person promotes a Freight that is not the current
/// candidate of its origin, auto-promotion of that origin holds until someone promotes the candidate
/// (or promotes by origin). Holds are kept in <c>status.autoPromotionHolds</c> by replaying terminal,
/// non-Aborted Promotions in name order; the effective holds overlay the Promotions not yet replayed.
/// </summary>
public static class AutoPromotionHolds
{
    /// <summary>
    /// Kargo's webhook <c>syncHoldAnnotations</c>: the intent of a new Promotion of <paramref name="freight"/>.
    /// A Promotion whose create-actor is empty or a controller carries none when it comes from the control
    /// plane; otherwise Resume when the Freight is the candidate of its origin, Hold when it is not (or
    /// there is no candidate yet), and None when the origin is not auto-promoted.
    /// </summary>
    public static HoldIntent Infer(
        Promotion promotion, Freight freight, PolicyLookup policy, IReadOnlyDictionary<string, Freight> candidates, bool fromControlPlane)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        ArgumentNullException.ThrowIfNull(freight);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(candidates);
        if (fromControlPlane)
        {
            var actor = promotion.Metadata.Annotations?.GetValueOrDefault(PipelineAnnotations.CreateActor);
            if (string.IsNullOrEmpty(actor) || actor.StartsWith(PipelineAnnotations.ControllerActorPrefix, StringComparison.Ordinal))
            {
                return HoldIntent.None;
            }
        }
        if (!policy.AutoPromotes(freight.Origin))
        {
            return HoldIntent.None;
        }
        return candidates.TryGetValue(OriginKeys.Of(freight.Origin), out var candidate) && candidate.Name == freight.Name
            ? HoldIntent.Resume
            : HoldIntent.Hold;
    }

    /// <summary>
    /// The Promotion's annotations with the intent stamped for <paramref name="origin"/>; any intent the
    /// caller supplied is removed first so it cannot be forged.
    /// </summary>
    public static Dictionary<string, string> Annotate(IReadOnlyDictionary<string, string>? annotations, HoldIntent intent, FreightOrigin? origin)
    {
        var result = new Dictionary<string, string>(annotations ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        result.Remove(PipelineAnnotations.AutoPromotionHold);
        result.Remove(PipelineAnnotations.AutoPromotionResume);
        switch (intent)
        {
            case HoldIntent.Hold:
                result[PipelineAnnotations.AutoPromotionHold] = OriginKeys.Of(origin);
                break;
            case HoldIntent.Resume:
                result[PipelineAnnotations.AutoPromotionResume] = OriginKeys.Of(origin);
                break;
        }
        return result;
    }

    /// <summary>
    /// The durable holds before a replay: none while auto-promotion is off (re-enabling is a fresh start),
    /// and only those of origins the Stage still requests.
    /// </summary>
    internal static Dictionary<string, AutoPromotionHold>? Prune(Stage stage, Dictionary<string, AutoPromotionHold>? holds, bool enabled)
    {
        if (!enabled || holds is null)
        {
            return null;
        }
        var requested = RequestedOrigins(stage);
        var kept = holds.Where(h => requested.Contains(h.Key)).ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal);
        return kept.Count == 0 ? null : kept;
    }

    /// <summary>Replays one terminal Promotion's intent onto the durable holds (Aborted Promotions withdraw theirs).</summary>
    internal static Dictionary<string, AutoPromotionHold>? Replay(
        Stage stage, Dictionary<string, AutoPromotionHold>? holds, Promotion promotion, bool enabled)
    {
        if (!enabled || promotion.Status?.Phase == PromotionPhase.Aborted)
        {
            return holds;
        }
        var annotations = promotion.Metadata.Annotations;
        if (annotations?.GetValueOrDefault(PipelineAnnotations.AutoPromotionHold) is { Length: > 0 } held)
        {
            if (RequestedOrigins(stage).Contains(held) && Parse(held) is { } origin)
            {
                return new Dictionary<string, AutoPromotionHold>(holds ?? [], StringComparer.Ordinal) { [held] = NewHold(promotion, origin) };
            }
            return holds;
        }
        if (annotations?.GetValueOrDefault(PipelineAnnotations.AutoPromotionResume) is { Length: > 0 } resumed && holds?.ContainsKey(resumed) == true)
        {
            var copy = new Dictionary<string, AutoPromotionHold>(holds, StringComparer.Ordinal);
            copy.Remove(resumed);
            return copy;
        }
        return holds;
    }

    /// <summary>
    /// Kargo's <c>computeEffectiveAutoPromotionHolds</c>: the durable holds overlaid, per requested origin,
    /// with the newest non-Aborted intent among the Promotions newer than <c>lastPromotion</c>. Null while
    /// auto-promotion is off.
    /// </summary>
    public static Dictionary<string, AutoPromotionHold>? Effective(Stage stage, IEnumerable<Promotion> promotions, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(promotions);
        if (!enabled)
        {
            return null;
        }
        var effective = new Dictionary<string, AutoPromotionHold>(stage.Status?.AutoPromotionHolds ?? [], StringComparer.Ordinal);
        var last = stage.Status?.LastPromotion?.Name;
        var fresh = promotions
            .Where(p => p.Status?.Phase != PromotionPhase.Aborted && (last is null || string.CompareOrdinal(p.Name, last) > 0))
            .ToList();
        foreach (var request in stage.Spec?.RequestedFreight ?? [])
        {
            var key = OriginKeys.Of(request.Origin);
            var newest = fresh
                .Where(p => p.Metadata.Annotations?.GetValueOrDefault(PipelineAnnotations.AutoPromotionHold) == key
                    || p.Metadata.Annotations?.GetValueOrDefault(PipelineAnnotations.AutoPromotionResume) == key)
                .MaxBy(p => p.Name, StringComparer.Ordinal);
            if (newest is null)
            {
                continue;
            }
            if (newest.Metadata.Annotations?.GetValueOrDefault(PipelineAnnotations.AutoPromotionHold) == key)
            {
                effective[key] = NewHold(newest, request.Origin!);
            }
            else
            {
                effective.Remove(key);
            }
        }
        return effective;
    }

    private static HashSet<string> RequestedOrigins(Stage stage) =>
        new((stage.Spec?.RequestedFreight ?? []).Select(r => OriginKeys.Of(r.Origin)), StringComparer.Ordinal);

    private static FreightOrigin? Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 || slash == key.Length - 1 ? null : new FreightOrigin { Kind = key[..slash], Name = key[(slash + 1)..] };
    }

    private static AutoPromotionHold NewHold(Promotion promotion, FreightOrigin origin) => new()
    {
        FreightName = promotion.Spec?.Freight,
        Origin = origin,
        PromotionName = promotion.Name,
        Actor = promotion.Metadata.Annotations?.GetValueOrDefault(PipelineAnnotations.CreateActor) is { Length: > 0 } actor ? actor : null,
        CreatedAt = promotion.Metadata.CreationTimestamp,
    };
}
