using Barge.Engine.Git;

namespace Barge.Engine.Discovery;

/// <summary>
/// A git history seen through a subscription's <c>expressionFilter</c>, so the unchanged selectors
/// apply it where Kargo does: before the path filters and the discovery limit. Tags are tested with
/// <c>tag, id, creatorDate, author, committer, subject, tagger, annotation</c>; branch commits with
/// <c>id, commitDate, author, committer, subject</c>. The filtered commit stream is indexed as the
/// selector pages through it (skip/limit count kept commits, not raw ones).
/// </summary>
internal sealed class ExpressionFilteredHistory(IGitHistory inner, ExpressionPredicate filter) : IGitHistory
{
    private const int RawBatch = 200;

    private readonly Dictionary<(string Branch, DateTimeOffset? Since), CommitStream> _streams = [];

    public string? DefaultBranch => inner.DefaultBranch;

    public async Task<GitOutcome<IReadOnlyList<GitTag>>> ListTagsAsync(CancellationToken cancellationToken)
    {
        var listed = await inner.ListTagsAsync(cancellationToken);
        if (!listed.Succeeded)
        {
            return listed;
        }
        var kept = new List<GitTag>();
        foreach (var tag in listed.Value!)
        {
            var env = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["tag"] = tag.Name,
                ["id"] = tag.CommitId,
                ["creatorDate"] = tag.CreatorDate,
                ["author"] = tag.Author,
                ["committer"] = tag.Committer,
                ["subject"] = tag.Subject,
                ["tagger"] = tag.Tagger,
                ["annotation"] = tag.Annotation,
            };
            if (!filter.TryTest(env, out var keep, out var error))
            {
                return GitOutcome<IReadOnlyList<GitTag>>.Failure($"tag \"{tag.Name}\": {error}");
            }
            if (keep)
            {
                kept.Add(tag);
            }
        }
        return GitOutcome<IReadOnlyList<GitTag>>.Success(kept);
    }

    public async Task<GitOutcome<IReadOnlyList<GitCommit>>> ListCommitsAsync(
        string branch, int skip, int limit, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        if (!_streams.TryGetValue((branch, since), out var stream))
        {
            _streams[(branch, since)] = stream = new CommitStream();
        }
        while (stream.Kept.Count < skip + limit && !stream.Exhausted)
        {
            var raw = await inner.ListCommitsAsync(branch, stream.RawOffset, RawBatch, since, cancellationToken);
            if (!raw.Succeeded)
            {
                return raw;
            }
            stream.RawOffset += raw.Value!.Count;
            stream.Exhausted = raw.Value.Count < RawBatch;
            foreach (var commit in raw.Value)
            {
                var env = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["id"] = commit.Id,
                    ["commitDate"] = commit.CommitDate,
                    ["author"] = commit.Author,
                    ["committer"] = commit.Committer,
                    ["subject"] = commit.Subject,
                };
                if (!filter.TryTest(env, out var keep, out var error))
                {
                    return GitOutcome<IReadOnlyList<GitCommit>>.Failure($"commit {commit.Id}: {error}");
                }
                if (keep)
                {
                    stream.Kept.Add(commit);
                }
            }
        }
        return GitOutcome<IReadOnlyList<GitCommit>>.Success([.. stream.Kept.Skip(skip).Take(limit)]);
    }

    public Task<GitOutcome<IReadOnlyList<string>>> GetChangedPathsAsync(string commitId, CancellationToken cancellationToken) =>
        inner.GetChangedPathsAsync(commitId, cancellationToken);

    private sealed class CommitStream
    {
        public List<GitCommit> Kept { get; } = [];

        public int RawOffset { get; set; }

        public bool Exhausted { get; set; }
    }
}
