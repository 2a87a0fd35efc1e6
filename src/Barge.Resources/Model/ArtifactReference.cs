using System.Text.Json.Nodes;

namespace Barge.Resources.Model;

/// <summary>An artifact of a custom (generic) subscription type.</summary>
public sealed record ArtifactReference
{
    /// <summary>The artifact type, e.g. a media type.</summary>
    public string? ArtifactType { get; init; }

    /// <summary>The subscription that found it (required: custom subscriptions are always named).</summary>
    public string? SubscriptionName { get; init; }

    /// <summary>The artifact's version.</summary>
    public string? Version { get; init; }

    /// <summary>Free-form metadata from the subscriber, kept as JSON.</summary>
    public JsonNode? Metadata { get; init; }
}
