namespace Barge.Engine.Discovery.Images;

/// <summary>
/// Reads images for tags already in their final order until enough match the platform, as
/// Kargo's tag-based selectors do; the tags still needed are read in parallel, batch by batch,
/// so the result is the one a sequential walk would give.
/// </summary>
internal static class OrderedImageFetch
{
    public static async Task<IReadOnlyList<DiscoveredImageReference>> TakeAsync(
        IReadOnlyList<string> orderedTags,
        ImageSelection selection,
        IImageSource source,
        CancellationToken cancellationToken)
    {
        var references = new List<DiscoveredImageReference>(Math.Min(selection.DiscoveryLimit, orderedTags.Count));
        var next = 0;
        while (references.Count < selection.DiscoveryLimit && next < orderedTags.Count)
        {
            var batch = orderedTags.Skip(next).Take(selection.DiscoveryLimit - references.Count).ToArray();
            next += batch.Length;
            var images = await Task.WhenAll(batch.Select(tag => source.GetImageAsync(tag, selection.CacheByTag, cancellationToken)));
            for (var i = 0; i < batch.Length && references.Count < selection.DiscoveryLimit; i++)
            {
                // A tag deleted between listing and reading is skipped, like a platform mismatch.
                if (images[i] is { } image && selection.ToReference(batch[i], image) is { } reference)
                {
                    references.Add(reference);
                }
            }
        }
        return references;
    }
}
