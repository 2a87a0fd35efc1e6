namespace Barge.Resources.Model;

/// <summary>Chart versions found for one chart subscription.</summary>
public sealed record ChartDiscoveryResult
{
    /// <summary>The chart repository.</summary>
    public string? RepoURL { get; init; }

    /// <summary>The chart name.</summary>
    public string? Name { get; init; }

    /// <summary>The constraint applied.</summary>
    public string? SemverConstraint { get; init; }

    /// <summary>The versions, highest first.</summary>
    public List<string>? Versions { get; init; }

    /// <summary>The subscription's name, when set.</summary>
    public string? SubscriptionName { get; init; }
}
