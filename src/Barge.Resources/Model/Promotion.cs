using System.Text.Json.Nodes;

namespace Barge.Resources.Model;

/// <summary>A request to move one piece of Freight into one Stage by running steps.</summary>
public sealed record Promotion : Resource
{
    public Promotion()
    {
        ApiVersion = KargoApi.Version;
        Kind = "Promotion";
    }

    /// <summary>The desired state.</summary>
    public PromotionSpec? Spec { get; init; }

    /// <summary>Observed state, written by the Promotion controller.</summary>
    public PromotionStatus? Status { get; init; }
}

/// <summary>What a Promotion moves where, and how.</summary>
public sealed record PromotionSpec
{
    /// <summary>The target Stage (required).</summary>
    public string? Stage { get; init; }

    /// <summary>The Freight to promote. Exactly one of <c>freight</c> and <c>origin</c> is set.</summary>
    public string? Freight { get; init; }

    /// <summary>Promote the auto-promotion candidate from this origin; resolved to <c>freight</c> on create.</summary>
    public FreightOrigin? Origin { get; init; }

    /// <summary>Target (Kargo Enterprise; rejected by Barge's validation).</summary>
    public string? Target { get; init; }

    /// <summary>Promotion-level variables (the Stage's, then the template's).</summary>
    public List<ExpressionVariable>? Vars { get; init; }

    /// <summary>The steps, tasks already inflated; at least one.</summary>
    public List<PromotionStep>? Steps { get; init; }
}

/// <summary>Observed state of a Promotion.</summary>
public sealed record PromotionStatus
{
    /// <summary>The last refresh annotation value handled.</summary>
    public string? LastHandledRefresh { get; init; }

    /// <summary>The Promotion's phase. Default: Pending.</summary>
    public PromotionPhase? Phase { get; init; }

    /// <summary>A message, usually the worst step's.</summary>
    public string? Message { get; init; }

    /// <summary>The Freight being promoted.</summary>
    public FreightReference? Freight { get; init; }

    /// <summary>The Stage's Freight collection after the promotion.</summary>
    public FreightCollection? FreightCollection { get; init; }

    /// <summary>Health checks the steps asked for.</summary>
    public List<HealthCheckStep>? HealthChecks { get; init; }

    /// <summary>When the first step started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the Promotion reached a terminal phase.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The index of the step running now.</summary>
    public long CurrentStep { get; init; }

    /// <summary>Per-step execution records.</summary>
    public List<StepExecutionMetadata>? StepExecutionMetadata { get; init; }

    /// <summary>Step outputs by alias.</summary>
    public JsonObject? State { get; init; }
}
