using Barge.Engine.Git;
using Barge.Resources.Versioning;

namespace Barge.Engine.Discovery.Git;

/// <summary>
/// SemVer: admitted tags that parse as versions (Kargo's parse, strict by default) and satisfy the
/// constraint, if any; highest version first, equal versions by tag text descending. Without a
/// constraint there is no filter at all, prereleases included.
/// </summary>
internal sealed class SemVerTagSelector(TagSelection selection, SemVerConstraints? constraint, bool strict) : IGitCommitSelector
{
    public GitCommitSelectionStrategy Strategy => GitCommitSelectionStrategy.SemVer;

    public GitObservedRefs? ObserveRefs(RemoteRefSnapshot remote) => TagSelection.ObserveTags(remote, Admits);

    public bool MatchesRef(string refName) => TagSelection.MatchesTagRef(refName, Admits);

    public Task<GitOutcome<IReadOnlyList<DiscoveredGitCommit>>> SelectAsync(IGitHistory history, CancellationToken cancellationToken) =>
        selection.SelectAsync(history, Admits, Order, cancellationToken);

    public bool Admits(string tag) =>
        selection.IsAdmitted(tag)
        && SemVersion.TryParseKargo(tag, strict, out var version)
        && (constraint is null || constraint.IsSatisfiedBy(version));

    private IReadOnlyList<GitTag> Order(IReadOnlyList<GitTag> tags) =>
        [.. tags
            .Select(tag => (Tag: tag, Version: SemVersion.TryParseKargo(tag.Name, strict, out var v) ? v : null))
            .Where(pair => pair.Version is not null)
            .OrderBy(pair => pair.Version!, KargoVersionOrder.Instance)
            .Select(pair => pair.Tag)];
}
