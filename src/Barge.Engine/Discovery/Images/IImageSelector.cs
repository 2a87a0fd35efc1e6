namespace Barge.Engine.Discovery.Images;

/// <summary>An image selection strategy (<c>imageSelectionStrategy</c>), registered by its <see cref="Strategy"/> name.</summary>
internal interface IImageSelector
{
    string Strategy { get; }

    /// <summary>The selected references, newest first, at most <see cref="ImageSelection.DiscoveryLimit"/>.</summary>
    Task<IReadOnlyList<DiscoveredImageReference>> SelectAsync(ImageSelection selection, IImageSource source, CancellationToken cancellationToken);
}
