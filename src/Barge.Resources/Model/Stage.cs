using System.Text.Json.Nodes;

namespace Barge.Resources.Model;

/// <summary>A target environment: what Freight it requests, and how Freight is promoted into it.</summary>
public sealed record Stage : Resource
{
    public Stage()
    {
        ApiVersion = KargoApi.Version;
        Kind = "Stage";
    }

    /// <summary>The desired state.</summary>
    public StageSpec? Spec { get; init; }

    /// <summary>Observed state, written by the Stage controller.</summary>
    public StageStatus? Status { get; init; }
}

/// <summary>What a Stage requests and how it promotes.</summary>
public sealed record StageSpec
{
    /// <summary>The controller shard; synced with label <c>kargo.akuity.io/shard</c>.</summary>
    public string? Shard { get; init; }

    /// <summary>Stage-level variables, available to the promotion template and verification.</summary>
    public List<ExpressionVariable>? Vars { get; init; }

    /// <summary>The Freight the Stage requests, one entry per origin; at least one.</summary>
    public List<FreightRequest>? RequestedFreight { get; init; }

    /// <summary>How Freight is promoted. Absent (or without steps) makes a control-flow Stage.</summary>
    public PromotionTemplate? PromotionTemplate { get; init; }

    /// <summary>How Freight is verified after promotion. Default: none.</summary>
    public Verification? Verification { get; init; }

    /// <summary>Targets (Kargo Enterprise; rejected by Barge's validation).</summary>
    public JsonNode? Targets { get; init; }
}
