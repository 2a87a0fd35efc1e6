using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>Observed state of a Stage.</summary>
public sealed record StageStatus
{
    /// <summary>Ready, Reconciling, Healthy, Promoting, Verified.</summary>
    public List<Condition>? Conditions { get; init; }

    /// <summary>The last refresh annotation value handled.</summary>
    public string? LastHandledRefresh { get; init; }

    /// <summary>Freight collections the Stage held, newest first, at most 10.</summary>
    public List<FreightCollection>? FreightHistory { get; init; }

    /// <summary>A one-line summary: the Freight name, or <c>"&lt;have&gt;/&lt;requested&gt; Fulfilled"</c>.</summary>
    public string? FreightSummary { get; init; }

    /// <summary>The Stage's health.</summary>
    public Health? Health { get; init; }

    /// <summary>The generation the status reflects.</summary>
    public long ObservedGeneration { get; init; }

    /// <summary>The Promotion running now.</summary>
    public PromotionReference? CurrentPromotion { get; init; }

    /// <summary>The last Promotion that finished.</summary>
    public PromotionReference? LastPromotion { get; init; }

    /// <summary>Kargo Enterprise; kept as JSON.</summary>
    public JsonNode? CurrentPromotionRequest { get; init; }

    /// <summary>Kargo Enterprise; kept as JSON.</summary>
    public JsonNode? LastPromotionRequest { get; init; }

    /// <summary>Whether auto-promotion is enabled for this Stage (from the project's policies).</summary>
    public bool AutoPromotionEnabled { get; init; }

    /// <summary>Kargo Enterprise; kept as JSON.</summary>
    public JsonNode? PromotionWindowStatus { get; init; }

    /// <summary>Free-form metadata written by steps.</summary>
    public Dictionary<string, JsonNode?>? Metadata { get; init; }

    /// <summary>Auto-promotion holds by <c>"Warehouse/&lt;name&gt;"</c>.</summary>
    public Dictionary<string, AutoPromotionHold>? AutoPromotionHolds { get; init; }

    /// <summary>The holds in effect after resolution.</summary>
    public Dictionary<string, AutoPromotionHold>? EffectiveAutoPromotionHolds { get; init; }
}

/// <summary>A hold on auto-promotion for one origin.</summary>
public sealed record AutoPromotionHold
{
    /// <summary>The Freight held at.</summary>
    public string? FreightName { get; init; }

    /// <summary>The origin held.</summary>
    public FreightOrigin? Origin { get; init; }

    /// <summary>The Promotion that set the hold.</summary>
    public string? PromotionName { get; init; }

    /// <summary>Who set it.</summary>
    public string? Actor { get; init; }

    /// <summary>When it was set.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}

/// <summary>A set of Freight, one per requested origin, keyed by <c>"&lt;Kind&gt;/&lt;name&gt;"</c>.</summary>
public sealed record FreightCollection
{
    /// <summary>SHA-1 of the sorted, comma-joined item names.</summary>
    public string? Id { get; init; }

    /// <summary>The Freight by origin.</summary>
    public Dictionary<string, FreightReference>? Items { get; init; }

    /// <summary>Verification attempts, newest first, at most 10.</summary>
    public List<VerificationInfo>? VerificationHistory { get; init; }
}

/// <summary>One verification attempt.</summary>
public sealed record VerificationInfo
{
    /// <summary>A UUID.</summary>
    public string? Id { get; init; }

    /// <summary>Who started it.</summary>
    public string? Actor { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>The verification phase.</summary>
    public VerificationPhase? Phase { get; init; }

    /// <summary>A message.</summary>
    public string? Message { get; init; }

    /// <summary>The analysis run.</summary>
    public AnalysisRunReference? AnalysisRun { get; init; }

    /// <summary>When it finished.</summary>
    public DateTimeOffset? FinishTime { get; init; }
}

/// <summary>Verification phases; all but Pending and Running are terminal.</summary>
[JsonConverter(typeof(KargoEnumConverter<VerificationPhase>))]
public enum VerificationPhase
{
    /// <summary>Not started.</summary>
    Pending,

    /// <summary>In progress.</summary>
    Running,

    /// <summary>Succeeded.</summary>
    Successful,

    /// <summary>Failed.</summary>
    Failed,

    /// <summary>Errored.</summary>
    Error,

    /// <summary>Aborted.</summary>
    Aborted,

    /// <summary>Inconclusive.</summary>
    Inconclusive,
}

/// <summary>A reference to an analysis run.</summary>
public sealed record AnalysisRunReference
{
    /// <summary>Its namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>Its name.</summary>
    public string? Name { get; init; }

    /// <summary>Its phase.</summary>
    public string? Phase { get; init; }
}

/// <summary>A Stage's health.</summary>
public sealed record Health
{
    /// <summary>Healthy, NotApplicable, Progressing, Unknown or Unhealthy.</summary>
    public string? Status { get; init; }

    /// <summary>Problems found.</summary>
    public List<string>? Issues { get; init; }

    /// <summary>The health checks' configuration.</summary>
    public JsonNode? Config { get; init; }

    /// <summary>The health checks' output.</summary>
    public JsonNode? Output { get; init; }
}

/// <summary>A reference to a Promotion in Stage status.</summary>
public sealed record PromotionReference
{
    /// <summary>The Promotion's name.</summary>
    public string? Name { get; init; }

    /// <summary>The Freight it moves.</summary>
    public FreightReference? Freight { get; init; }

    /// <summary>A copy of the Promotion's status (last promotion only).</summary>
    public PromotionStatus? Status { get; init; }

    /// <summary>When it finished.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
}
