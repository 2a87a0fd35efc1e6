using Barge.Engine.Git;

namespace Barge.Engine.Discovery.Git;

/// <summary>
/// NewestFromBranch: the newest commits of the branch (or of the remote's default branch), along
/// first parents. Without path filters the first <c>discoveryLimit</c> commits are the answer; with
/// them, commits are read in growing batches (limit, then doubling up to 1000) until enough match.
/// </summary>
internal sealed class NewestFromBranchSelector(string branch, DateTimeOffset? since, PathFilter paths, int limit) : IGitCommitSelector
{
    private const string HeadsPrefix = "refs/heads/";
    private const int MaxBatch = 1000;

    public GitCommitSelectionStrategy Strategy => GitCommitSelectionStrategy.NewestFromBranch;

    public GitObservedRefs? ObserveRefs(RemoteRefSnapshot remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var watched = branch.Length > 0 ? branch : remote.DefaultBranch;
        return watched is not null && remote.BranchHead(watched) is { } head ? new GitObservedRefs(head, null) : null;
    }

    public bool MatchesRef(string refName)
    {
        ArgumentNullException.ThrowIfNull(refName);
        if (!refName.StartsWith(HeadsPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var pushed = refName[HeadsPrefix.Length..];
        return branch.Length == 0 ? pushed is "main" or "master" : pushed == branch;
    }

    public async Task<GitOutcome<IReadOnlyList<DiscoveredGitCommit>>> SelectAsync(IGitHistory history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        var source = branch.Length > 0 ? branch : history.DefaultBranch;
        if (source is null)
        {
            return GitOutcome<IReadOnlyList<DiscoveredGitCommit>>.Failure(
                "no branch is given and the remote did not advertise a default branch (HEAD)");
        }
        var selected = new List<DiscoveredGitCommit>(limit);
        for (int skip = 0, batch = limit; ; skip += batch, batch = Math.Min(batch * 2, MaxBatch))
        {
            var listed = await history.ListCommitsAsync(source, skip, batch, since, cancellationToken);
            if (!listed.Succeeded)
            {
                return listed.Cast<IReadOnlyList<DiscoveredGitCommit>>();
            }
            if (listed.Value.Count == 0)
            {
                break;
            }
            if (!paths.IsActive)
            {
                return GitOutcome<IReadOnlyList<DiscoveredGitCommit>>.Success([.. listed.Value.Take(limit).Select(ToDiscovered)]);
            }
            foreach (var commit in listed.Value)
            {
                var changed = await history.GetChangedPathsAsync(commit.Id, cancellationToken);
                if (!changed.Succeeded)
                {
                    return changed.Cast<IReadOnlyList<DiscoveredGitCommit>>();
                }
                if (!paths.Matches(changed.Value))
                {
                    continue;
                }
                selected.Add(ToDiscovered(commit));
                if (selected.Count >= limit)
                {
                    return GitOutcome<IReadOnlyList<DiscoveredGitCommit>>.Success(selected);
                }
            }
        }
        return GitOutcome<IReadOnlyList<DiscoveredGitCommit>>.Success(selected);
    }

    private DiscoveredGitCommit ToDiscovered(GitCommit commit) => new(
        commit.Id,
        branch,
        Tag: string.Empty,
        DiscoveredGitCommit.ShortenSubject(commit.Subject),
        commit.Author,
        commit.Committer,
        commit.CommitDate);
}
