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

    /// <summary>
    /// True when a run changes something outside the Promotion's work directory (a push, an HTTP call
    /// with effects, a message, a store write). Dry runs skip such steps. The default is true, so a
    /// step runs in a dry run only when it declares itself free of side effects.
    /// </summary>
    bool HasSideEffects => true;

    /// <summary>The step's error threshold when the Promotion step sets none (0: the system default, 1).</summary>
    uint DefaultErrorThreshold => 0;

    /// <summary>The step's timeout when the Promotion step sets none (null: the system default, no timeout).</summary>
    TimeSpan? DefaultTimeout => null;

    Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken);
}
