namespace Barge.Resources.Model;

/// <summary>A git commit carried by Freight.</summary>
public sealed record GitCommit
{
    /// <summary>The repository URL.</summary>
    public string? RepoURL { get; init; }

    /// <summary>The commit ID (full SHA).</summary>
    public string? Id { get; init; }

    /// <summary>The branch the commit was found on, for NewestFromBranch subscriptions.</summary>
    public string? Branch { get; init; }

    /// <summary>The tag the commit was selected by, for tag-based strategies.</summary>
    public string? Tag { get; init; }

    /// <summary>The first line of the commit message.</summary>
    public string? Message { get; init; }

    /// <summary>The commit's author.</summary>
    public string? Author { get; init; }

    /// <summary>The commit's committer.</summary>
    public string? Committer { get; init; }

    /// <summary>The name of the Warehouse subscription that found it, when the subscription is named.</summary>
    public string? SubscriptionName { get; init; }
}
