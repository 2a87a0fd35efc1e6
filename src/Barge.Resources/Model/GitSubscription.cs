namespace Barge.Resources.Model;

/// <summary>Subscribes to commits of a git repository.</summary>
public sealed record GitSubscription
{
    /// <summary>The repository URL (required). SSH/SCP URLs are deprecated.</summary>
    public string? RepoURL { get; init; }

    /// <summary>How commits are selected. Default: <c>NewestFromBranch</c>.</summary>
    public CommitSelectionStrategy? CommitSelectionStrategy { get; init; }

    /// <summary>The branch for NewestFromBranch. Default: the remote's default branch.</summary>
    public string? Branch { get; init; }

    /// <summary>Deprecated; rejected since Kargo v1.11. Use <see cref="AllowTagsRegexes"/>.</summary>
    public string? AllowTags { get; init; }

    /// <summary>Regexes a tag must match (tag strategies only). Default: all tags.</summary>
    public List<string>? AllowTagsRegexes { get; init; }

    /// <summary>Deprecated; rejected since Kargo v1.11. Use <see cref="IgnoreTagsRegexes"/>.</summary>
    public List<string>? IgnoreTags { get; init; }

    /// <summary>Regexes of tags to ignore (tag strategies only). Default: none.</summary>
    public List<string>? IgnoreTagsRegexes { get; init; }

    /// <summary>A semver constraint, SemVer strategy only. Default: any version.</summary>
    public string? SemverConstraint { get; init; }

    /// <summary>Whether only strict semvers (x.y.z) count. Default: true.</summary>
    public bool? StrictSemvers { get; init; }

    /// <summary>Path selectors: a commit must touch one of these. Default: any path.</summary>
    public List<string>? IncludePaths { get; init; }

    /// <summary>Path selectors: commits touching only these are ignored. Default: none.</summary>
    public List<string>? ExcludePaths { get; init; }

    /// <summary>An expr-lang expression that filters commits or tags. Default: none.</summary>
    public string? ExpressionFilter { get; init; }

    /// <summary>How many commits/tags discovery reports, 1..100. Default: 20.</summary>
    public int? DiscoveryLimit { get; init; }

    /// <summary>NewestFromBranch stops at commits older than this (RFC 3339). Default: no limit.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Whether clones omit blobs. Default: unset (false).</summary>
    public bool? Blobless { get; init; }

    /// <summary>Whether TLS certificate checks are skipped. Default: false.</summary>
    public bool InsecureSkipTLSVerify { get; init; }
}
