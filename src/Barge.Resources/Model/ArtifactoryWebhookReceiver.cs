namespace Barge.Resources.Model;

/// <summary>An Artifactory receiver.</summary>
public sealed record ArtifactoryWebhookReceiver
{
    /// <summary>The Secret holding the shared secret.</summary>
    public SecretReference? SecretRef { get; init; }

    /// <summary>The virtual repository name, when events come from one.</summary>
    public string? VirtualRepoName { get; init; }
}
