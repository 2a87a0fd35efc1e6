namespace Barge.Resources.Model;

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
