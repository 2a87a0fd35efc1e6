using Barge.Engine.Git;

namespace Barge.Engine.Discovery.Git;

/// <summary>Lexical: admitted tags by name, descending, compared as bytes (Go's strings.Compare).</summary>
internal sealed class LexicalTagSelector(TagSelection selection) : IGitCommitSelector
{
    public GitCommitSelectionStrategy Strategy => GitCommitSelectionStrategy.Lexical;

    public GitObservedRefs? ObserveRefs(RemoteRefSnapshot remote) => TagSelection.ObserveTags(remote, selection.IsAdmitted);

    public bool MatchesRef(string refName) => TagSelection.MatchesTagRef(refName, selection.IsAdmitted);

    public Task<GitOutcome<IReadOnlyList<DiscoveredGitCommit>>> SelectAsync(IGitHistory history, CancellationToken cancellationToken) =>
        selection.SelectAsync(history, selection.IsAdmitted, Order, cancellationToken);

    internal static IReadOnlyList<GitTag> Order(IReadOnlyList<GitTag> tags) =>
        [.. tags.OrderByDescending(t => t.Name, Utf8Order.Instance)];
}
