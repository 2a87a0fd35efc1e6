namespace Barge.Resources.Model;

/// <summary>Commits found for one git subscription.</summary>
public sealed record GitDiscoveryResult
{
    /// <summary>The repository URL.</summary>
    public string? RepoURL { get; init; }

    /// <summary>The commits, newest first.</summary>
    public List<DiscoveredCommit>? Commits { get; init; }

    /// <summary>The subscription's name, when set.</summary>
    public string? SubscriptionName { get; init; }

    /// <summary>The refs seen, so the next discovery can skip unchanged repositories.</summary>
    public ObservedRefs? ObservedRefs { get; init; }
}
