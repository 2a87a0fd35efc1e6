namespace Barge.Engine.Discovery.Git;

/// <summary>
/// The selection fields of a Kargo git subscription, with Kargo's defaults. The Warehouse
/// integration maps <c>spec.subscriptions[].git</c> onto it. <c>expressionFilter</c> is not here yet:
/// it needs the expression engine and is applied by the integration.
/// </summary>
internal sealed record GitSelectionOptions
{
    public GitCommitSelectionStrategy Strategy { get; init; } = GitCommitSelectionStrategy.NewestFromBranch;

    /// <summary>NewestFromBranch only; empty means the remote's default branch.</summary>
    public string Branch { get; init; } = string.Empty;

    /// <summary>Tag strategies: a tag must match one of these, when any are given.</summary>
    public IReadOnlyList<string> AllowTagsRegexes { get; init; } = [];

    /// <summary>Tag strategies: a tag matching any of these is dropped (before the allow list is consulted).</summary>
    public IReadOnlyList<string> IgnoreTagsRegexes { get; init; } = [];

    /// <summary>Deprecated; any value fails discovery, as in Kargo since v1.11.</summary>
    public string AllowTags { get; init; } = string.Empty;

    /// <summary>Deprecated; any value fails discovery, as in Kargo since v1.11.</summary>
    public IReadOnlyList<string> IgnoreTags { get; init; } = [];

    /// <summary>SemVer only: a Masterminds constraint; empty means none (prereleases included).</summary>
    public string SemverConstraint { get; init; } = string.Empty;

    /// <summary>SemVer only: tags must be strict SemVer 2.0.0 apart from one leading <c>v</c>. Default true.</summary>
    public bool StrictSemvers { get; init; } = true;

    /// <summary>A commit is kept when one of its changed paths matches these (or these are empty) and not <see cref="ExcludePaths"/>.</summary>
    public IReadOnlyList<string> IncludePaths { get; init; } = [];

    public IReadOnlyList<string> ExcludePaths { get; init; } = [];

    /// <summary>How many commits to report, 1 to 100. Default 20.</summary>
    public int DiscoveryLimit { get; init; } = 20;

    /// <summary>NewestFromBranch only: ignore commits older than this.</summary>
    public DateTimeOffset? Since { get; init; }
}
