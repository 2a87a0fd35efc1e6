using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

using Promotion = Barge.Resources.Model.Promotion;

/// <summary>
/// Kargo's <c>syncPromotions</c> (kargo-spec.md §7.4): one Promotion runs per Stage, the head of
/// <see cref="PromotionOrder"/>; it becomes <c>currentPromotion</c> only when the current Freight is not
/// being verified and, on a healthy Stage, has been verified. When the current Promotion is done, the
/// terminal Promotions newer than <c>lastPromotion</c> are replayed in name order: each becomes
/// <c>lastPromotion</c>, replays its auto-promotion hold intent, and, when it succeeded, puts its
/// collection on top of <c>freightHistory</c> and resets health and verification to Unknown.
/// </summary>
internal sealed class PromotionQueue
{
    private readonly TimeProvider time;

    public PromotionQueue(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.time = time;
    }

    /// <param name="stage">The Stage as stored.</param>
    /// <param name="promotions">Every Promotion of the Stage.</param>
    /// <param name="autoPromotionEnabled">The policy's answer for this pass (holds are kept only while it is on).</param>
    public QueueResult Sync(Stage stage, IEnumerable<Promotion> promotions, bool autoPromotionEnabled)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(promotions);
        var result = SyncQueue(stage, promotions, autoPromotionEnabled);
        // Kargo recomputes the summary on every pass, so a Stage without Freight shows "0/N Fulfilled".
        var summary = FreightHistory.Summary(stage.Spec?.RequestedFreight?.Count ?? 0, FreightHistory.Current(result.Status));
        return result with { Status = result.Status with { FreightSummary = summary } };
    }

    private QueueResult SyncQueue(Stage stage, IEnumerable<Promotion> promotions, bool autoPromotionEnabled)
    {
        var now = time.GetUtcNow();
        var generation = stage.Metadata.Generation;
        var status = stage.Status ?? new StageStatus();
        status = status with { AutoPromotionHolds = AutoPromotionHolds.Prune(stage, status.AutoPromotionHolds, autoPromotionEnabled) };
        var sorted = promotions.Order(PromotionOrder.Instance).ToList();
        if (sorted.Count == 0)
        {
            return new QueueResult(Idle(status), QueueState.Idle, [], false);
        }
        var head = sorted[0];
        var headTerminal = PromotionOrder.IsTerminal(Phase(head));
        var hasNonTerminal = sorted.Exists(p => !PromotionOrder.IsTerminal(Phase(p)));
        if (status.CurrentPromotion is { } current && (current.Name != head.Name || headTerminal))
        {
            var completed = NewTerminal(sorted, status.LastPromotion?.Name);
            status = Idle(status);
            foreach (var promotion in completed)
            {
                status = Record(stage, status, promotion, autoPromotionEnabled, generation, now);
            }
            return new QueueResult(status, QueueState.Completed, completed, hasNonTerminal);
        }
        if (FreightHistory.Current(stage.Status) is { } collection)
        {
            if (FreightCollections.HasNonTerminalVerification(collection))
            {
                return new QueueResult(status with { Conditions = StageConditions.Delete(status.Conditions, StageConditions.Promoting) },
                    QueueState.WaitingForVerification, [], hasNonTerminal);
            }
            var health = stage.Status?.Health;
            if ((health is null || HealthStates.PassesChecks(health.Status))
                && !VerificationPhases.IsTerminal(FreightCollections.CurrentVerification(collection)?.Phase))
            {
                return new QueueResult(status with { Conditions = StageConditions.Delete(status.Conditions, StageConditions.Promoting) },
                    QueueState.WaitingForFirstVerification, [], hasNonTerminal);
            }
        }
        if (!headTerminal)
        {
            status = status with
            {
                Conditions = StageConditions.Set(status.Conditions, StageConditions.Promoting, "True", "ActivePromotion",
                    $"Promotion \"{head.Name}\" is currently {Phase(head)}", generation, now),
                CurrentPromotion = new PromotionReference { Name = head.Name, Freight = head.Status?.Freight },
            };
            return new QueueResult(status, QueueState.Promoting, [], hasNonTerminal);
        }
        return new QueueResult(status with { Conditions = StageConditions.Delete(status.Conditions, StageConditions.Promoting) },
            QueueState.Idle, [], hasNonTerminal);
    }

    private static StageStatus Idle(StageStatus status) =>
        status with { Conditions = StageConditions.Delete(status.Conditions, StageConditions.Promoting), CurrentPromotion = null };

    /// <summary>The terminal Promotions named after <paramref name="last"/>, oldest first.</summary>
    private static List<Promotion> NewTerminal(List<Promotion> sorted, string? last) =>
        sorted.Where(p => PromotionOrder.IsTerminal(Phase(p)) && (last is null || string.CompareOrdinal(p.Name, last) > 0))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();

    private static StageStatus Record(Stage stage, StageStatus status, Promotion promotion, bool autoPromotionEnabled, long generation, DateTimeOffset now)
    {
        status = status with { AutoPromotionHolds = AutoPromotionHolds.Replay(stage, status.AutoPromotionHolds, promotion, autoPromotionEnabled) };
        var copy = promotion.Status ?? new PromotionStatus();
        // A Promotion aborted before it ran never built a collection; recording it bare would make the
        // Stage forget the origins the previous one had collected.
        if (copy.StartedAt is null && copy.FreightCollection is null && status.LastPromotion?.Status is { } previous)
        {
            copy = copy with { FreightCollection = previous.FreightCollection };
        }
        status = status with
        {
            LastPromotion = new PromotionReference
            {
                Name = promotion.Name,
                Freight = promotion.Status?.Freight,
                Status = copy,
                FinishedAt = promotion.Status?.FinishedAt,
            },
        };
        if (Phase(promotion) != PromotionPhase.Succeeded || copy.FreightCollection is null)
        {
            return status;
        }
        var conditions = StageConditions.Set(status.Conditions, StageConditions.Healthy, "Unknown", "WaitingForHealthCheck",
            "Waiting for health check to be performed after successful promotion", generation, now);
        conditions = StageConditions.Set(conditions, StageConditions.Verified, "Unknown", "WaitingForVerification",
            "Waiting for verification to be performed after successful promotion", generation, now);
        return status with
        {
            FreightHistory = FreightHistory.Record(status.FreightHistory, copy.FreightCollection),
            Health = null,
            Conditions = conditions,
        };
    }

    private static PromotionPhase Phase(Promotion promotion) => promotion.Status?.Phase ?? PromotionPhase.Pending;
}
