namespace Barge.Engine.Discovery.Images;

/// <summary>
/// <c>Digest</c>: the one mutable tag named by <c>constraint</c>, resolved to its current digest
/// on every discovery (never cached by tag); no reference when the tag does not exist or has no
/// image for the platform.
/// </summary>
internal sealed class DigestImageSelector : IImageSelector
{
    public string Strategy => ImageSelectionStrategies.Digest;

    public async Task<IReadOnlyList<DiscoveredImageReference>> SelectAsync(ImageSelection selection, IImageSource source, CancellationToken cancellationToken)
    {
        var tag = selection.MutableTag!;
        var image = await source.GetImageAsync(tag, cacheByTag: false, cancellationToken);
        return image is not null && selection.ToReference(tag, image) is { } reference ? [reference] : [];
    }
}
