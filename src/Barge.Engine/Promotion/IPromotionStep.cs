using System.Text.Json.Nodes;

namespace Barge.Engine.Promotion;

/// <summary>
/// A promotion step, addressed by its <see cref="Kind"/> (the <c>uses:</c> value of a Promotion step).
/// It receives its configuration already evaluated and reports every expected outcome as a
/// <see cref="StepResult"/>; only bugs throw.
/// </summary>
internal interface IPromotionStep
{
    /// <summary>The step kind, for example <c>yaml-update</c>.</summary>
    string Kind { get; }

    Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken);
}
