namespace Barge.Resources.Model;

/// <summary>Subscribes to tags of a container image repository.</summary>
public sealed record ImageSubscription
{
    /// <summary>The image repository, without tag (required).</summary>
    public string? RepoURL { get; init; }

    /// <summary>How tags are selected. Default: <c>SemVer</c>.</summary>
    public ImageSelectionStrategy? ImageSelectionStrategy { get; init; }

    /// <summary>SemVer: a semver constraint. Digest: the mutable tag to track (required). Ignored otherwise.</summary>
    public string? Constraint { get; init; }

    /// <summary>Deprecated; rejected since Kargo v1.11. Use <see cref="AllowTagsRegexes"/>.</summary>
    public string? AllowTags { get; init; }

    /// <summary>Regexes a tag must match. Default: all tags.</summary>
    public List<string>? AllowTagsRegexes { get; init; }

    /// <summary>Deprecated; rejected since Kargo v1.11. Use <see cref="IgnoreTagsRegexes"/>.</summary>
    public List<string>? IgnoreTags { get; init; }

    /// <summary>Regexes of tags to ignore. Default: none.</summary>
    public List<string>? IgnoreTagsRegexes { get; init; }

    /// <summary>Whether only strict semvers (x.y.z) count. Default: true.</summary>
    public bool? StrictSemvers { get; init; }

    /// <summary>The platform to select from a manifest list, <c>os/arch[/variant]</c>. Default: any.</summary>
    public string? Platform { get; init; }

    /// <summary>How many tags discovery reports, 1..100. Default: 20.</summary>
    public int? DiscoveryLimit { get; init; }

    /// <summary>Whether tag→digest results are cached (assumes tags are immutable). Default: false.</summary>
    public bool CacheByTag { get; init; }

    /// <summary>Whether TLS certificate checks are skipped. Default: false.</summary>
    public bool InsecureSkipTLSVerify { get; init; }
}
