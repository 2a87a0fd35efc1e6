using Barge.Engine.Registry;

namespace Barge.Engine.Discovery.Images;

/// <summary>
/// The registry as the image selectors see it: one repository's tags, and the metadata of the
/// manifest a tag points at. The seam between selection (pure ordering and filtering) and I/O.
/// </summary>
internal interface IImageSource
{
    Task<IReadOnlyList<string>> ListTagsAsync(CancellationToken cancellationToken);

    /// <summary>Null when the tag does not exist.</summary>
    Task<ImageMetadata?> GetImageAsync(string tag, bool cacheByTag, CancellationToken cancellationToken);
}
