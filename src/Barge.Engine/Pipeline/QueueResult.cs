using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

using Promotion = Barge.Resources.Model.Promotion;

/// <summary>What <see cref="PromotionQueue.Sync"/> decided.</summary>
/// <param name="Status">The Stage's new status.</param>
/// <param name="State">Where the queue stands.</param>
/// <param name="Completed">The terminal Promotions recorded in this pass, oldest first (for history and events).</param>
/// <param name="HasNonTerminalPromotions">Whether any Promotion still waits or runs (Kargo requeues at once when none is current).</param>
internal sealed record QueueResult(StageStatus Status, QueueState State, IReadOnlyList<Promotion> Completed, bool HasNonTerminalPromotions)
{
    /// <summary>The Promotion the Stage selected to run, when there is one.</summary>
    public string? Current => Status.CurrentPromotion?.Name;
}
