using Barge.Engine.Templating;

namespace Barge.Engine.Promotion;

/// <summary>Everything one engine pass needs besides the Promotion itself.</summary>
internal sealed record PromotionRunSetup(
    PromotionFacts Facts,
    ProjectData Data,
    PromotionStepRegistry Registry,
    StepContext StepContext,
    PromotionStatusWriter Writer,
    TimeProvider Time)
{
    /// <summary>Skip steps with side effects (dry run).</summary>
    public bool DryRun { get; init; }

    /// <summary>Receives every step status change.</summary>
    public IProgress<StepProgress>? Progress { get; init; }
}
