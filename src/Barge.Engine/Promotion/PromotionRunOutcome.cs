using Barge.Resources.Model;

namespace Barge.Engine.Promotion;

/// <summary>
/// Where one engine pass left a Promotion: its phase and message, and, while it is still Running, when
/// to run it again (<see cref="RequeueAfter"/>: a polled step's retry-after, or back-off after a
/// retryable error).
/// </summary>
public sealed record PromotionRunOutcome(PromotionPhase Phase, string? Message, TimeSpan? RequeueAfter, PromotionStatus Status)
{
    public bool IsTerminal => FinalPhase.IsTerminal(Phase);
}
