using Barge.Engine.Git;

namespace Barge.Engine.Discovery.Git;

/// <summary>
/// The refs a subscription watches, as last seen on the remote (Kargo's <c>observedRefs</c>): the
/// branch head for NewestFromBranch, or the filtered tags sorted by name for tag strategies. Equal
/// observed refs and an unchanged Warehouse generation let discovery reuse its previous result.
/// </summary>
internal sealed record GitObservedRefs(string? BranchHead, IReadOnlyList<RemoteRef>? Tags)
{
    /// <summary>More tags than this disables the short-circuit (Kargo's cap).</summary>
    public const int MaxObservedTags = 1000;

    public bool SameAs(GitObservedRefs? other) =>
        other is not null
        && BranchHead == other.BranchHead
        && (Tags is null ? other.Tags is null : other.Tags is not null && Tags.SequenceEqual(other.Tags));
}
