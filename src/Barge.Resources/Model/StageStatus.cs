using System.Text.Json.Nodes;

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
