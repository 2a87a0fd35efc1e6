using System.Collections.Concurrent;
using Barge.Engine.Git;

namespace Barge.Engine.Discovery;

/// <summary>
/// The tag list of a mirror read once per state of its refs, however many subscriptions ask: 50
/// Warehouses on one repository with 2,000 tags would otherwise run 50 identical
/// <c>for-each-ref</c> processes after each push. The entry of a mirror is replaced when its refs
/// moved; a failed read is not kept.
/// </summary>
internal sealed class SharedTagLists
{
    private readonly ConcurrentDictionary<string, (string State, Lazy<Task<GitOutcome<IReadOnlyList<GitTag>>>> Tags)> _byMirror = new(StringComparer.Ordinal);

    public IGitHistory Wrap(GitMirror mirror) => new CachedTags(this, mirror);

    private async Task<GitOutcome<IReadOnlyList<GitTag>>> ListTagsAsync(GitMirror mirror, CancellationToken cancellationToken)
    {
        var state = mirror.Refs.Serialize();
        var entry = _byMirror.AddOrUpdate(
            mirror.Directory,
            _ => (state, NewRead(mirror)),
            (_, existing) => existing.State == state ? existing : (state, NewRead(mirror)));
        var outcome = await entry.Tags.Value.WaitAsync(cancellationToken);
        if (!outcome.Succeeded)
        {
            _byMirror.TryRemove(new KeyValuePair<string, (string, Lazy<Task<GitOutcome<IReadOnlyList<GitTag>>>>)>(mirror.Directory, entry));
        }
        return outcome;
    }

    // The read is not tied to one caller's cancellation: others may be waiting for it.
    private static Lazy<Task<GitOutcome<IReadOnlyList<GitTag>>>> NewRead(GitMirror mirror) =>
        new(() => mirror.ListTagsAsync(CancellationToken.None));

    private sealed class CachedTags(SharedTagLists owner, GitMirror mirror) : IGitHistory
    {
        public string? DefaultBranch => mirror.DefaultBranch;

        public Task<GitOutcome<IReadOnlyList<GitTag>>> ListTagsAsync(CancellationToken cancellationToken) =>
            owner.ListTagsAsync(mirror, cancellationToken);

        public Task<GitOutcome<IReadOnlyList<GitCommit>>> ListCommitsAsync(string branch, int skip, int limit, DateTimeOffset? since, CancellationToken cancellationToken) =>
            mirror.ListCommitsAsync(branch, skip, limit, since, cancellationToken);

        public Task<GitOutcome<IReadOnlyList<string>>> GetChangedPathsAsync(string commitId, CancellationToken cancellationToken) =>
            mirror.GetChangedPathsAsync(commitId, cancellationToken);
    }
}
