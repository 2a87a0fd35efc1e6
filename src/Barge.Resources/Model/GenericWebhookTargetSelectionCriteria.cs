using System.Text.Json.Nodes;

namespace Barge.Resources.Model;

/// <summary>Selects the resources a generic action applies to.</summary>
public sealed record GenericWebhookTargetSelectionCriteria
{
    /// <summary>The kind; the only value is <c>Warehouse</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>A resource name (may be an expression).</summary>
    public string? Name { get; init; }

    /// <summary>A label selector.</summary>
    public LabelSelector? LabelSelector { get; init; }

    /// <summary>An index selector over <c>subscribedURLs</c> or <c>receiverPaths</c>.</summary>
    public JsonNode? IndexSelector { get; init; }
}
