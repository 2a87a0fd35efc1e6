namespace Barge.Resources.Model;

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
