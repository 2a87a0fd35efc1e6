using Barge.Engine.Git;

namespace Barge.Engine.Discovery.Git;

/// <summary>
/// A commit selection strategy bound to one subscription's validated options. Built by
/// <see cref="GitCommitSelectors.TryCreate"/>.
/// </summary>
internal interface IGitCommitSelector
{
    GitCommitSelectionStrategy Strategy { get; }

    /// <summary>
    /// The refs this subscription watches among what the remote advertised (Kargo's ListRefs), or
    /// null when they cannot be observed cheaply (branch missing, more than 1000 matching tags).
    /// </summary>
    GitObservedRefs? ObserveRefs(RemoteRefSnapshot remote);

    /// <summary>Whether a pushed ref (<c>refs/heads/…</c>, <c>refs/tags/…</c>) concerns this subscription (webhooks).</summary>
    bool MatchesRef(string refName);

    /// <summary>Selects commits, newest or highest first, at most the discovery limit.</summary>
    Task<GitOutcome<IReadOnlyList<DiscoveredGitCommit>>> SelectAsync(IGitHistory history, CancellationToken cancellationToken);
}
