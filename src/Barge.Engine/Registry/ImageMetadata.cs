namespace Barge.Engine.Registry;

/// <summary>
/// What discovery needs to know about the manifest a tag points at, keyed by that manifest's
/// <see cref="Digest"/> (immutable, so it is read once, ever). For an index, <see cref="CreatedAt"/>
/// is the newest creation time of its images (an index cannot be older than what it holds) and
/// <see cref="Platforms"/> lists its image entries; a single image lists its own platform.
/// </summary>
public sealed record ImageMetadata(
    string Digest,
    DateTimeOffset? CreatedAt,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<PlatformImage> Platforms)
{
    /// <summary>The image for <paramref name="platform"/>, matched exactly; null when the manifest has none.</summary>
    public PlatformImage? ForPlatform(ImagePlatform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return Platforms.FirstOrDefault(p => platform.Matches(new ImagePlatform(p.Os, p.Architecture, p.Variant)));
    }
}

/// <summary>One platform's image inside <see cref="ImageMetadata"/>, with its own digest, time and annotations.</summary>
public sealed record PlatformImage(
    string Os,
    string Architecture,
    string Variant,
    string Digest,
    DateTimeOffset? CreatedAt,
    IReadOnlyDictionary<string, string> Annotations);
