using Barge.Engine.Git;

namespace Barge.Engine.Discovery.Git;

/// <summary>
/// What the three tag strategies share: list the tags (newest creator date first), keep those the
/// filter admits, let the strategy order them, apply the path filter until the limit is reached,
/// and report each as a commit with its tag.
/// </summary>
internal sealed class TagSelection(TagFilter filter, PathFilter paths, int limit)
{
    private const string TagsPrefix = "refs/tags/";

    public int Limit => limit;

    public bool IsAdmitted(string tag) => filter.Matches(tag);

    /// <summary>Kargo's ListRefs for tags: admitted tags sorted by name; null beyond the observation cap.</summary>
    public static GitObservedRefs? ObserveTags(RemoteRefSnapshot remote, Func<string, bool> admits)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var tags = remote.Tags.Where(t => admits(t.Name)).ToList();
        if (tags.Count > GitObservedRefs.MaxObservedTags)
        {
            return null;
        }
        tags.Sort((a, b) => Utf8Order.Instance.Compare(a.Name, b.Name));
        return new GitObservedRefs(null, tags);
    }

    public static bool MatchesTagRef(string refName, Func<string, bool> admits)
    {
        ArgumentNullException.ThrowIfNull(refName);
        return refName.StartsWith(TagsPrefix, StringComparison.Ordinal) && admits(refName[TagsPrefix.Length..]);
    }

    public async Task<GitOutcome<IReadOnlyList<DiscoveredGitCommit>>> SelectAsync(
        IGitHistory history,
        Func<string, bool> admits,
        Func<IReadOnlyList<GitTag>, IReadOnlyList<GitTag>> order,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        var listed = await history.ListTagsAsync(cancellationToken);
        if (!listed.Succeeded)
        {
            return listed.Cast<IReadOnlyList<DiscoveredGitCommit>>();
        }
        var ordered = order([.. listed.Value.Where(t => admits(t.Name))]);
        var kept = new List<GitTag>(Math.Min(limit, ordered.Count));
        foreach (var tag in ordered)
        {
            if (paths.IsActive)
            {
                var changed = await history.GetChangedPathsAsync(tag.CommitId, cancellationToken);
                if (!changed.Succeeded)
                {
                    return GitOutcome<IReadOnlyList<DiscoveredGitCommit>>.Failure($"tag \"{tag.Name}\": {changed.Error}");
                }
                if (!paths.Matches(changed.Value))
                {
                    continue;
                }
            }
            kept.Add(tag);
            if (kept.Count >= limit)
            {
                break;
            }
        }
        return GitOutcome<IReadOnlyList<DiscoveredGitCommit>>.Success([.. kept.Select(ToDiscovered)]);
    }

    private static DiscoveredGitCommit ToDiscovered(GitTag tag) => new(
        tag.CommitId,
        Branch: string.Empty,
        tag.Name,
        DiscoveredGitCommit.ShortenSubject(tag.Subject),
        tag.Author,
        tag.Committer,
        tag.CreatorDate);
}
