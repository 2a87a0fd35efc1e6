using System.Text.Json.Nodes;

namespace Barge.Resources.Model;

/// <summary>Project-wide settings: promotion policies, webhook receivers, links. Its name equals the project's.</summary>
public sealed record ProjectConfig : Resource
{
    public ProjectConfig()
    {
        ApiVersion = KargoApi.Version;
        Kind = "ProjectConfig";
    }

    /// <summary>The desired state.</summary>
    public ProjectConfigSpec? Spec { get; init; }

    /// <summary>Observed state.</summary>
    public ProjectConfigStatus? Status { get; init; }
}

/// <summary>Project-wide settings.</summary>
public sealed record ProjectConfigSpec
{
    /// <summary>Auto-promotion policies; the first whose selector matches a Stage applies. Default: none (auto-promotion off).</summary>
    public List<PromotionPolicy>? PromotionPolicies { get; init; }

    /// <summary>Inbound webhook receivers that trigger Warehouse refreshes.</summary>
    public List<WebhookReceiverConfig>? WebhookReceivers { get; init; }

    /// <summary>Links shown for each piece of Freight in the UI.</summary>
    public List<Link>? FreightLinks { get; init; }

    /// <summary>Links shown for each Stage in the UI.</summary>
    public List<Link>? StageLinks { get; init; }

    /// <summary>Promotion windows (Kargo Enterprise; rejected by Barge's validation).</summary>
    public List<JsonNode?>? PromotionWindows { get; init; }
}

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

/// <summary>Selects Stages by name and/or labels (ANDed).</summary>
public sealed record PromotionPolicySelector : LabelSelector
{
    /// <summary>An exact name, or a pattern with prefix <c>regex:</c>/<c>regexp:</c> (RE2) or <c>glob:</c>.</summary>
    public string? Name { get; init; }
}

/// <summary>A UI link template.</summary>
public sealed record Link
{
    /// <summary>The link's title.</summary>
    public string? Title { get; init; }

    /// <summary>The URL; may be an expression.</summary>
    public string? Url { get; init; }

    /// <summary>A longer description.</summary>
    public string? Description { get; init; }

    /// <summary>An expression that must be true for the link to show. Default: always.</summary>
    public string? If { get; init; }
}

/// <summary>Observed state of a ProjectConfig.</summary>
public sealed record ProjectConfigStatus
{
    /// <summary>Standard conditions, keyed by type.</summary>
    public List<Condition>? Conditions { get; init; }

    /// <summary>The generation the status reflects.</summary>
    public long ObservedGeneration { get; init; }

    /// <summary>The last refresh annotation value handled.</summary>
    public string? LastHandledRefresh { get; init; }

    /// <summary>Where each receiver listens.</summary>
    public List<WebhookReceiverDetails>? WebhookReceivers { get; init; }
}

/// <summary>Where a webhook receiver listens.</summary>
public sealed record WebhookReceiverDetails
{
    /// <summary>The receiver's name.</summary>
    public string? Name { get; init; }

    /// <summary>The receiver's path.</summary>
    public string? Path { get; init; }

    /// <summary>The receiver's full URL.</summary>
    public string? Url { get; init; }
}
