namespace Barge.Resources.Model;

/// <summary>Image references found for one image subscription.</summary>
public sealed record ImageDiscoveryResult
{
    /// <summary>The image repository.</summary>
    public string? RepoURL { get; init; }

    /// <summary>The platform constraint, when set.</summary>
    public string? Platform { get; init; }

    /// <summary>The references, newest/highest first.</summary>
    public List<DiscoveredImageReference>? References { get; init; }

    /// <summary>The subscription's name, when set.</summary>
    public string? SubscriptionName { get; init; }
}
