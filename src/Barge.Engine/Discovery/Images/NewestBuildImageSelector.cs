namespace Barge.Engine.Discovery.Images;

/// <summary>
/// <c>NewestBuild</c>: the metadata of every tag that passes the filter is read (in parallel,
/// bounded by the registry's concurrency limit; the cache makes repeats free), images for other
/// platforms are dropped, and the rest are ordered by creation time, newest first (ties: tag,
/// ordinal, descending), then cut at the limit.
/// </summary>
internal sealed class NewestBuildImageSelector : IImageSelector
{
    private const int MaxParallelReads = 64;

    public string Strategy => ImageSelectionStrategies.NewestBuild;

    public async Task<IReadOnlyList<DiscoveredImageReference>> SelectAsync(ImageSelection selection, IImageSource source, CancellationToken cancellationToken)
    {
        var tags = (await source.ListTagsAsync(cancellationToken)).Where(selection.Filter.Matches).ToArray();
        var references = new DiscoveredImageReference?[tags.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, tags.Length),
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelReads, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                if (await source.GetImageAsync(tags[i], selection.CacheByTag, token) is { } image)
                {
                    references[i] = selection.ToReference(tags[i], image);
                }
            });
        return Order(references.OfType<DiscoveredImageReference>(), selection.DiscoveryLimit);
    }

    public static IReadOnlyList<DiscoveredImageReference> Order(IEnumerable<DiscoveredImageReference> references, int limit)
    {
        var sorted = references.ToList();
        sorted.Sort(static (a, b) =>
        {
            var byTime = Nullable.Compare(b.CreatedAt, a.CreatedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(b.Tag, a.Tag);
        });
        return sorted.Count > limit ? sorted[..limit] : sorted;
    }
}
