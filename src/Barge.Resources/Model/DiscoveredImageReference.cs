namespace Barge.Resources.Model;

/// <summary>A discovered image tag and digest.</summary>
public sealed record DiscoveredImageReference
{
    /// <summary>The tag.</summary>
    public string? Tag { get; init; }

    /// <summary>The digest.</summary>
    public string? Digest { get; init; }

    /// <summary>Manifest annotations.</summary>
    public Dictionary<string, string>? Annotations { get; init; }

    /// <summary>When the image was built, when known.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
