using Barge.Engine.Git;

namespace Barge.Engine.Tests.Discovery.Git;

/// <summary>
/// A hand-written history for selection tests: tags in the order git would list them (newest
/// creator date first), commits per branch newest first, changed paths per commit. Records the
/// commit pages and path look-ups asked for.
/// </summary>
internal sealed class InMemoryGitHistory : IGitHistory
{
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public string? DefaultBranch { get; init; } = "main";

    public List<GitTag> Tags { get; } = [];

    public Dictionary<string, List<GitCommit>> Branches { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string[]> ChangedPaths { get; } = new(StringComparer.Ordinal);

    public List<(string Branch, int Skip, int Limit, DateTimeOffset? Since)> CommitPages { get; } = [];

    public List<string> PathLookups { get; } = [];

    /// <summary>Tags given newest first; each gets its own commit "c-&lt;tag&gt;" and a date one minute apart.</summary>
    public static InMemoryGitHistory WithTags(params string[] newestFirst)
    {
        var history = new InMemoryGitHistory();
        for (var i = 0; i < newestFirst.Length; i++)
        {
            history.Tags.Add(new GitTag(newestFirst[i], "c-" + newestFirst[i], "subject of " + newestFirst[i],
                "Ada <ada@example.com>", "Cy <cy@example.com>", Epoch.AddMinutes(newestFirst.Length - i), string.Empty, string.Empty));
        }
        return history;
    }

    /// <summary>A branch of <paramref name="count"/> commits "c1" (oldest) to "cN" (newest).</summary>
    public InMemoryGitHistory WithBranch(string branch, int count)
    {
        Branches[branch] = [.. Enumerable.Range(1, count).Reverse().Select(i => new GitCommit(
            "c" + i, Epoch.AddMinutes(i), "Ada <ada@example.com>", "Cy <cy@example.com>", "commit " + i, "commit " + i))];
        return this;
    }

    public Task<GitOutcome<IReadOnlyList<GitTag>>> ListTagsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(GitOutcome<IReadOnlyList<GitTag>>.Success(Tags.ToList()));

    public Task<GitOutcome<IReadOnlyList<GitCommit>>> ListCommitsAsync(
        string branch, int skip, int limit, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        CommitPages.Add((branch, skip, limit, since));
        if (!Branches.TryGetValue(branch, out var commits))
        {
            return Task.FromResult(GitOutcome<IReadOnlyList<GitCommit>>.Failure($"branch \"{branch}\" does not exist"));
        }
        IReadOnlyList<GitCommit> page = [.. commits.Where(c => since is null || c.CommitDate >= since).Skip(skip).Take(limit)];
        return Task.FromResult(GitOutcome<IReadOnlyList<GitCommit>>.Success(page));
    }

    public Task<GitOutcome<IReadOnlyList<string>>> GetChangedPathsAsync(string commitId, CancellationToken cancellationToken)
    {
        PathLookups.Add(commitId);
        return Task.FromResult(GitOutcome<IReadOnlyList<string>>.Success(
            ChangedPaths.TryGetValue(commitId, out var paths) ? paths : []));
    }
}
