namespace Barge.Resources.Model;

/// <summary>A Helm chart carried by Freight.</summary>
public sealed record Chart
{
    /// <summary>The chart repository URL (<c>https://</c> classic repository or <c>oci://</c>).</summary>
    public string? RepoURL { get; init; }

    /// <summary>The chart name; empty for OCI repositories.</summary>
    public string? Name { get; init; }

    /// <summary>The chart version.</summary>
    public string? Version { get; init; }

    /// <summary>The name of the Warehouse subscription that found it, when the subscription is named.</summary>
    public string? SubscriptionName { get; init; }
}
