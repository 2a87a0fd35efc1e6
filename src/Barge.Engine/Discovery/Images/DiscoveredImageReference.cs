namespace Barge.Engine.Discovery.Images;

/// <summary>One discovered image, as Kargo's <c>DiscoveredImageReference</c>: tag, digest, annotations and creation time.</summary>
public sealed record DiscoveredImageReference(
    string Tag,
    string Digest,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset? CreatedAt);
