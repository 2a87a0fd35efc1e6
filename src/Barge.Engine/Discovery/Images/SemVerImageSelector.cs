using Barge.Resources.Versioning;

namespace Barge.Engine.Discovery.Images;

/// <summary>
/// <c>SemVer</c>: tags that pass the filter, parse as versions (strictly unless
/// <c>strictSemvers: false</c>) and satisfy the constraint, newest version first (ties: the tag
/// text, ordinal, descending); images are read in that order until enough match the platform.
/// </summary>
internal sealed class SemVerImageSelector : IImageSelector
{
    public string Strategy => ImageSelectionStrategies.SemVer;

    public async Task<IReadOnlyList<DiscoveredImageReference>> SelectAsync(ImageSelection selection, IImageSource source, CancellationToken cancellationToken)
    {
        var tags = await source.ListTagsAsync(cancellationToken);
        return await OrderedImageFetch.TakeAsync(Order(tags, selection), selection, source, cancellationToken);
    }

    /// <summary>The matching tags in selection order (pure; the unit tests' subject).</summary>
    public static IReadOnlyList<string> Order(IEnumerable<string> tags, ImageSelection selection)
    {
        var versions = new List<SemVersion>();
        foreach (var tag in tags)
        {
            if (selection.Filter.Matches(tag)
                && SemVersion.TryParseKargo(tag, selection.StrictSemvers, out var version)
                && (selection.Constraint is null || selection.Constraint.IsSatisfiedBy(version)))
            {
                versions.Add(version);
            }
        }
        versions.Sort(KargoVersionOrder.Instance);
        return [.. versions.Select(v => v.Original)];
    }
}
