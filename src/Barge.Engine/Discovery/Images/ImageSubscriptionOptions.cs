namespace Barge.Engine.Discovery.Images;

/// <summary>
/// An image subscription of a Warehouse, with Kargo's field names and defaults
/// (<c>ImageSubscription</c> in <c>api/v1alpha1</c>). The Warehouse integration maps the typed
/// resource onto this record.
/// </summary>
public sealed record ImageSubscriptionOptions
{
    /// <summary>The repository, <c>host[:port]/path</c>, no tag. Required.</summary>
    public required string RepoURL { get; init; }

    /// <summary><c>SemVer</c> (default; also when empty), <c>Lexical</c>, <c>NewestBuild</c> or <c>Digest</c>.</summary>
    public string ImageSelectionStrategy { get; init; } = ImageSelectionStrategies.SemVer;

    /// <summary>SemVer: a version constraint (empty = every version). Digest: the mutable tag to track (required). Otherwise ignored.</summary>
    public string? Constraint { get; init; }

    /// <summary>Tags must match at least one of these (when any are given). RE2 syntax.</summary>
    public IReadOnlyList<string> AllowTagsRegexes { get; init; } = [];

    /// <summary>Tags matching any of these are dropped; ignore wins over allow.</summary>
    public IReadOnlyList<string> IgnoreTagsRegexes { get; init; } = [];

    /// <summary>Deprecated; setting it fails discovery, as in Kargo from v1.11.</summary>
    public string? AllowTags { get; init; }

    /// <summary>Deprecated; setting it fails discovery, as in Kargo from v1.11.</summary>
    public IReadOnlyList<string> IgnoreTags { get; init; } = [];

    /// <summary>SemVer only: tags must be strict semantic versions (a leading <c>v</c> allowed). Default true.</summary>
    public bool StrictSemvers { get; init; } = true;

    /// <summary><c>os/arch[/variant]</c>; when set, only images for exactly that platform count.</summary>
    public string? Platform { get; init; }

    /// <summary>How many references to keep, 1 to 100. Default 20.</summary>
    public int DiscoveryLimit { get; init; } = 20;

    /// <summary>Treat tags as immutable and cache metadata by tag (no request for a known tag). Default false.</summary>
    public bool CacheByTag { get; init; }

    /// <summary>Skip TLS certificate verification for this registry.</summary>
    public bool InsecureSkipTLSVerify { get; init; }
}
