using System.Text.Json.Nodes;

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

/// <summary>A container image carried by Freight.</summary>
public sealed record Image
{
    /// <summary>The image repository, without tag.</summary>
    public string? RepoURL { get; init; }

    /// <summary>The tag.</summary>
    public string? Tag { get; init; }

    /// <summary>The manifest digest, e.g. <c>sha256:…</c>.</summary>
    public string? Digest { get; init; }

    /// <summary>OCI annotations of the image manifest.</summary>
    public Dictionary<string, string>? Annotations { get; init; }

    /// <summary>The name of the Warehouse subscription that found it, when the subscription is named.</summary>
    public string? SubscriptionName { get; init; }
}

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

/// <summary>An artifact of a custom (generic) subscription type.</summary>
public sealed record ArtifactReference
{
    /// <summary>The artifact type, e.g. a media type.</summary>
    public string? ArtifactType { get; init; }

    /// <summary>The subscription that found it (required: custom subscriptions are always named).</summary>
    public string? SubscriptionName { get; init; }

    /// <summary>The artifact's version.</summary>
    public string? Version { get; init; }

    /// <summary>Free-form metadata from the subscriber, kept as JSON.</summary>
    public JsonNode? Metadata { get; init; }
}

/// <summary>A reference to a piece of Freight and its artifacts, as stored in Stage and Promotion status.</summary>
public sealed record FreightReference
{
    /// <summary>The Freight's name (ID).</summary>
    public string? Name { get; init; }

    /// <summary>Where the Freight came from.</summary>
    public FreightOrigin? Origin { get; init; }

    /// <summary>The Freight's commits.</summary>
    public List<GitCommit>? Commits { get; init; }

    /// <summary>The Freight's images.</summary>
    public List<Image>? Images { get; init; }

    /// <summary>The Freight's charts.</summary>
    public List<Chart>? Charts { get; init; }

    /// <summary>The Freight's generic artifacts.</summary>
    public List<ArtifactReference>? Artifacts { get; init; }
}
