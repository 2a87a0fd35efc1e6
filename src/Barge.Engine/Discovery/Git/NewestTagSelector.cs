using Barge.Engine.Git;

namespace Barge.Engine.Discovery.Git;

/// <summary>NewestTag: admitted tags by creator date, newest first (the order git lists them in).</summary>
internal sealed class NewestTagSelector(TagSelection selection) : IGitCommitSelector
{
    public GitCommitSelectionStrategy Strategy => GitCommitSelectionStrategy.NewestTag;

    public GitObservedRefs? ObserveRefs(RemoteRefSnapshot remote) => TagSelection.ObserveTags(remote, selection.IsAdmitted);

    public bool MatchesRef(string refName) => TagSelection.MatchesTagRef(refName, selection.IsAdmitted);

    public Task<GitOutcome<IReadOnlyList<DiscoveredGitCommit>>> SelectAsync(IGitHistory history, CancellationToken cancellationToken) =>
        selection.SelectAsync(history, selection.IsAdmitted, tags => tags, cancellationToken);
}
