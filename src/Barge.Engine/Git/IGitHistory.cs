namespace Barge.Engine.Git;

/// <summary>
/// Read access to one repository's history: what commit selection needs. The shared mirror
/// implements it; selection tests use an in-memory one.
/// </summary>
internal interface IGitHistory
{
    /// <summary>The remote's default branch (what its HEAD points at), or null when it advertised none.</summary>
    string? DefaultBranch { get; }

    /// <summary>All tags, newest creator date first (git's <c>--sort=-creatordate</c> order).</summary>
    Task<GitOutcome<IReadOnlyList<GitTag>>> ListTagsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Commits of <paramref name="branch"/> along first parents, newest first, skipping
    /// <paramref name="skip"/> and returning at most <paramref name="limit"/>; with
    /// <paramref name="since"/>, none older than it (git's <c>--since</c>).
    /// </summary>
    Task<GitOutcome<IReadOnlyList<GitCommit>>> ListCommitsAsync(
        string branch, int skip, int limit, DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>Paths a commit changed relative to its first parent (renames as delete plus add).</summary>
    Task<GitOutcome<IReadOnlyList<string>>> GetChangedPathsAsync(string commitId, CancellationToken cancellationToken);
}
