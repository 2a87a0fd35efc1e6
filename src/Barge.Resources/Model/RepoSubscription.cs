using System.Text.Json;
using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>
/// One Warehouse subscription: exactly one of <c>git</c>, <c>image</c>, <c>chart</c> or a custom
/// type key, plus an optional <c>name</c> (required for custom types).
/// </summary>
public sealed record RepoSubscription
{
    /// <summary>The subscription's name, unique in the Warehouse. Optional for git/image/chart; it changes the Freight ID.</summary>
    public string? Name { get; init; }

    /// <summary>A git repository subscription.</summary>
    public GitSubscription? Git { get; init; }

    /// <summary>A container image subscription.</summary>
    public ImageSubscription? Image { get; init; }

    /// <summary>A Helm chart subscription.</summary>
    public ChartSubscription? Chart { get; init; }

    /// <summary>Custom subscription types (any other key), kept as raw JSON.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Custom { get; init; }
}

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

/// <summary>How a git subscription selects commits.</summary>
[JsonConverter(typeof(KargoEnumConverter<CommitSelectionStrategy>))]
public enum CommitSelectionStrategy
{
    /// <summary>The newest commit on a branch.</summary>
    NewestFromBranch,

    /// <summary>The tag with the highest semantic version.</summary>
    SemVer,

    /// <summary>The lexically greatest tag.</summary>
    Lexical,

    /// <summary>The most recently created tag.</summary>
    NewestTag,
}

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

/// <summary>How an image subscription selects tags.</summary>
[JsonConverter(typeof(KargoEnumConverter<ImageSelectionStrategy>))]
public enum ImageSelectionStrategy
{
    /// <summary>The tag with the highest semantic version.</summary>
    SemVer,

    /// <summary>The lexically greatest tag.</summary>
    Lexical,

    /// <summary>The most recently built image.</summary>
    NewestBuild,

    /// <summary>The current digest of one mutable tag.</summary>
    Digest,
}

/// <summary>Subscribes to versions of a Helm chart.</summary>
public sealed record ChartSubscription
{
    /// <summary>The repository: <c>http(s)://</c> classic or <c>oci://</c> (required).</summary>
    public string? RepoURL { get; init; }

    /// <summary>The chart name: required for classic repositories, empty for OCI.</summary>
    public string? Name { get; init; }

    /// <summary>A semver constraint on chart versions. Default: any version.</summary>
    public string? SemverConstraint { get; init; }

    /// <summary>How many versions discovery reports, 1..100. Default: 20.</summary>
    public int? DiscoveryLimit { get; init; }

    /// <summary>Whether TLS certificate checks are skipped. Default: false.</summary>
    public bool InsecureSkipTLSVerify { get; init; }
}
