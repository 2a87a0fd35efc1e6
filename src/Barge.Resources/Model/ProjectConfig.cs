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
