using System.Text.Json.Nodes;

namespace Barge.Resources.Model;

/// <summary>One step of a promotion template, Promotion or PromotionTask.</summary>
public sealed record PromotionStep
{
    /// <summary>The step kind to run, e.g. <c>git-clone</c>. Exactly one of <c>uses</c> and <c>task</c> is set.</summary>
    public string? Uses { get; init; }

    /// <summary>A PromotionTask or ClusterPromotionTask whose steps are inlined here.</summary>
    public PromotionTaskReference? Task { get; init; }

    /// <summary>The step's alias for <c>outputs</c> and status. Default: <c>step-N</c> or <c>task-N</c> (1-based position).</summary>
    public string? As { get; init; }

    /// <summary>An expression that must be true for the step to run. Default: run only if no earlier step failed.</summary>
    public string? If { get; init; }

    /// <summary>When true, a failure of this step does not fail the Promotion. Default: false.</summary>
    public bool ContinueOnError { get; init; }

    /// <summary>Retry policy. Default: one attempt, no timeout.</summary>
    public PromotionStepRetry? Retry { get; init; }

    /// <summary>Step-level variables, evaluated in order after the Promotion's.</summary>
    public List<ExpressionVariable>? Vars { get; init; }

    /// <summary>The step's configuration, free-form JSON evaluated as a template.</summary>
    public JsonNode? Config { get; init; }
}
