using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>A name/value variable; the value may contain <c>${{ }}</c> expressions.</summary>
public sealed record ExpressionVariable
{
    /// <summary>The variable name; must match <c>^[a-zA-Z_]\w*$</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The value. In a PromotionTask an empty value marks the variable as required.</summary>
    public string? Value { get; init; }
}

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

/// <summary>A reference from a step to a PromotionTask or ClusterPromotionTask.</summary>
public sealed record PromotionTaskReference
{
    /// <summary>The task's name.</summary>
    public string? Name { get; init; }

    /// <summary>The task's kind. Default: <c>PromotionTask</c>.</summary>
    public PromotionTaskKind? Kind { get; init; }
}

/// <summary>The kinds a step's <c>task</c> can refer to.</summary>
[JsonConverter(typeof(KargoEnumConverter<PromotionTaskKind>))]
public enum PromotionTaskKind
{
    /// <summary>A PromotionTask in the same project.</summary>
    PromotionTask,

    /// <summary>A cluster-wide ClusterPromotionTask.</summary>
    ClusterPromotionTask,
}

/// <summary>How a step is retried.</summary>
public sealed record PromotionStepRetry
{
    /// <summary>A soft limit on the step's total running time (Go duration). Default: the step's default, else no timeout.</summary>
    public string? Timeout { get; init; }

    /// <summary>Consecutive errors after which the step gives up. Default: the step's default, else 1.</summary>
    public uint ErrorThreshold { get; init; }
}
