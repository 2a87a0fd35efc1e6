namespace Barge.Resources.Model;

/// <summary>What a Warehouse's last discovery found; every list is newest first.</summary>
public sealed record DiscoveredArtifacts
{
    /// <summary>When discovery ran.</summary>
    public DateTimeOffset? DiscoveredAt { get; init; }

    /// <summary>Per git subscription.</summary>
    public List<GitDiscoveryResult>? Git { get; init; }

    /// <summary>Per image subscription.</summary>
    public List<ImageDiscoveryResult>? Images { get; init; }

    /// <summary>Per chart subscription.</summary>
    public List<ChartDiscoveryResult>? Charts { get; init; }

    /// <summary>Per custom subscription.</summary>
    public List<DiscoveryResult>? Results { get; init; }
}

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

/// <summary>Refs observed at discovery time.</summary>
public sealed record ObservedRefs
{
    /// <summary>The branch head commit (NewestFromBranch).</summary>
    public string? BranchHead { get; init; }

    /// <summary>Tags and the commits they point at.</summary>
    public List<ObservedTag>? Tags { get; init; }
}

/// <summary>A tag and its commit.</summary>
public sealed record ObservedTag
{
    /// <summary>The tag name.</summary>
    public string? Name { get; init; }

    /// <summary>The commit ID.</summary>
    public string? Id { get; init; }
}

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

/// <summary>A discovered image tag and digest.</summary>
public sealed record DiscoveredImageReference
{
    /// <summary>The tag.</summary>
    public string? Tag { get; init; }

    /// <summary>The digest.</summary>
    public string? Digest { get; init; }

    /// <summary>Manifest annotations.</summary>
    public Dictionary<string, string>? Annotations { get; init; }

    /// <summary>When the image was built, when known.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}

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

/// <summary>Artifacts found for one custom subscription.</summary>
public sealed record DiscoveryResult
{
    /// <summary>The subscription's name.</summary>
    public string? Name { get; init; }

    /// <summary>The artifacts, newest first.</summary>
    public List<ArtifactReference>? ArtifactReferences { get; init; }
}

