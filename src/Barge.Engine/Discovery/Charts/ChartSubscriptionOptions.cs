namespace Barge.Engine.Discovery.Charts;

/// <summary>A chart subscription of a Warehouse, with Kargo's field names and defaults (<c>ChartSubscription</c>).</summary>
public sealed record ChartSubscriptionOptions
{
    /// <summary><c>http(s)://</c> for a classic repository or <c>oci://host/path</c> for a chart in a registry. Required.</summary>
    public required string RepoURL { get; init; }

    /// <summary>The chart's name: required for a classic repository, must be empty for OCI (the URL names the chart).</summary>
    public string? Name { get; init; }

    /// <summary>A semantic-version constraint; empty means every version.</summary>
    public string? SemverConstraint { get; init; }

    /// <summary>How many versions to keep, 1 to 100. Default 20.</summary>
    public int DiscoveryLimit { get; init; } = 20;

    /// <summary>Skip TLS certificate verification.</summary>
    public bool InsecureSkipTLSVerify { get; init; }
}
