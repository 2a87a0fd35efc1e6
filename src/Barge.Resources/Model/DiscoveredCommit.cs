namespace Barge.Resources.Model;

/// <summary>A discovered commit.</summary>
public sealed record DiscoveredCommit
{
    /// <summary>The commit ID.</summary>
    public string? Id { get; init; }

    /// <summary>The branch, for NewestFromBranch.</summary>
    public string? Branch { get; init; }

    /// <summary>The tag, for tag strategies.</summary>
    public string? Tag { get; init; }

    /// <summary>The first line of the message.</summary>
    public string? Subject { get; init; }

    /// <summary>The author.</summary>
    public string? Author { get; init; }

    /// <summary>The committer.</summary>
    public string? Committer { get; init; }

    /// <summary>The commit (or annotated tag) creation date.</summary>
    public DateTimeOffset? CreatorDate { get; init; }
}
