using Barge.Engine.Registry;
using Barge.Resources.Versioning;

namespace Barge.Engine.Discovery.Images;

/// <summary>A validated image subscription, ready for a selector.</summary>
internal sealed record ImageSelection(
    TagFilter Filter,
    SemVerConstraints? Constraint,
    bool StrictSemvers,
    ImagePlatform? Platform,
    int DiscoveryLimit,
    bool CacheByTag,
    string? MutableTag)
{
    /// <summary>
    /// The reference for a tag's image, or null when a platform is required and the image has none
    /// for it. The digest is the tag's own (an index's digest for a multi-platform image, as in
    /// Kargo); the annotations are the platform entry's over the index's when a platform is set.
    /// </summary>
    public DiscoveredImageReference? ToReference(string tag, ImageMetadata image)
    {
        if (Platform is null)
        {
            return new DiscoveredImageReference(tag, image.Digest, image.Annotations, image.CreatedAt);
        }
        var match = image.ForPlatform(Platform);
        if (match is null)
        {
            return null;
        }
        var annotations = new Dictionary<string, string>(image.Annotations, StringComparer.Ordinal);
        foreach (var (key, value) in match.Annotations)
        {
            annotations[key] = value;
        }
        return new DiscoveredImageReference(tag, image.Digest, annotations, image.CreatedAt);
    }
}
