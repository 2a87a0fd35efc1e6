namespace Barge.Engine.Discovery.Images;

/// <summary><c>Lexical</c>: tags that pass the filter in reverse ordinal order; images read in that order until enough match the platform.</summary>
internal sealed class LexicalImageSelector : IImageSelector
{
    public string Strategy => ImageSelectionStrategies.Lexical;

    public async Task<IReadOnlyList<DiscoveredImageReference>> SelectAsync(ImageSelection selection, IImageSource source, CancellationToken cancellationToken)
    {
        var tags = await source.ListTagsAsync(cancellationToken);
        return await OrderedImageFetch.TakeAsync(Order(tags, selection), selection, source, cancellationToken);
    }

    public static IReadOnlyList<string> Order(IEnumerable<string> tags, ImageSelection selection)
    {
        var kept = tags.Where(selection.Filter.Matches).ToList();
        kept.Sort((a, b) => string.CompareOrdinal(b, a));
        return kept;
    }
}
