namespace Barge.Engine.Discovery.Git;

/// <summary>
/// <c>includePaths</c>/<c>excludePaths</c>: a commit is kept when at least one path it changed is
/// included (or there is no include list) and not excluded. A commit that changed nothing is dropped.
/// </summary>
internal sealed class PathFilter(IReadOnlyList<PathSelector> include, IReadOnlyList<PathSelector> exclude)
{
    /// <summary>False when neither list has entries: then no commit's paths need to be read at all.</summary>
    public bool IsActive => include.Count > 0 || exclude.Count > 0;

    public bool Matches(IEnumerable<string> changedPaths)
    {
        ArgumentNullException.ThrowIfNull(changedPaths);
        return changedPaths.Any(path =>
            (include.Count == 0 || include.Any(s => s.Matches(path)))
            && !exclude.Any(s => s.Matches(path)));
    }
}
