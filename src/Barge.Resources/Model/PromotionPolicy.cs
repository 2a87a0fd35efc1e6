using System.Text.Json.Nodes;

namespace Barge.Resources.Model;

/// <summary>An auto-promotion policy for the Stages it selects.</summary>
public sealed record PromotionPolicy
{
    /// <summary>A Stage name (deprecated; use <see cref="StageSelector"/>). Exactly one of the two is set.</summary>
    public string? Stage { get; init; }

    /// <summary>Which Stages the policy applies to.</summary>
    public PromotionPolicySelector? StageSelector { get; init; }

    /// <summary>Whether Freight is promoted automatically into the selected Stages. Default: false.</summary>
    public bool AutoPromotionEnabled { get; init; }

    /// <summary>Automatic rollback (Kargo Enterprise; rejected by Barge's validation).</summary>
    public JsonNode? AutoRollback { get; init; }

    /// <summary>
    /// Barge extension: auto-promote only Freight from these origins. Default: none, meaning Freight
    /// from every origin the Stage requests.
    /// </summary>
    public List<FreightOrigin>? Origins { get; init; }
}
