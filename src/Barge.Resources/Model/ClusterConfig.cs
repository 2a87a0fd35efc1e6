using System.Text.Json.Nodes;

namespace Barge.Resources.Model;

/// <summary>Cluster-wide settings; its name must be <c>cluster</c>.</summary>
public sealed record ClusterConfig : Resource
{
    public ClusterConfig()
    {
        ApiVersion = KargoApi.Version;
        Kind = "ClusterConfig";
    }

    /// <summary>The desired state.</summary>
    public ClusterConfigSpec? Spec { get; init; }

    /// <summary>Observed state (mirrors ProjectConfig's).</summary>
    public ProjectConfigStatus? Status { get; init; }
}

/// <summary>Cluster-wide settings.</summary>
public sealed record ClusterConfigSpec
{
    /// <summary>Inbound webhook receivers.</summary>
    public List<WebhookReceiverConfig>? WebhookReceivers { get; init; }

    /// <summary>The identity used for commits.</summary>
    public GitClientConfig? GitClient { get; init; }

    /// <summary>Links shown for each piece of Freight.</summary>
    public List<Link>? FreightLinks { get; init; }

    /// <summary>Links shown for each Stage.</summary>
    public List<Link>? StageLinks { get; init; }

    /// <summary>Promotion windows (Kargo Enterprise; rejected by Barge's validation).</summary>
    public List<JsonNode?>? PromotionWindows { get; init; }
}
