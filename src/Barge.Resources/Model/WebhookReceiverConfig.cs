namespace Barge.Resources.Model;

/// <summary>An inbound webhook receiver: a name plus exactly one provider.</summary>
public sealed record WebhookReceiverConfig
{
    /// <summary>The receiver's name, unique in its config.</summary>
    public string? Name { get; init; }

    /// <summary>GitHub webhooks.</summary>
    public SecretWebhookReceiver? Github { get; init; }

    /// <summary>GitLab webhooks.</summary>
    public SecretWebhookReceiver? Gitlab { get; init; }

    /// <summary>Bitbucket webhooks.</summary>
    public SecretWebhookReceiver? Bitbucket { get; init; }

    /// <summary>Docker Hub webhooks.</summary>
    public SecretWebhookReceiver? Dockerhub { get; init; }

    /// <summary>Harbor webhooks.</summary>
    public SecretWebhookReceiver? Harbor { get; init; }

    /// <summary>Quay webhooks.</summary>
    public SecretWebhookReceiver? Quay { get; init; }

    /// <summary>Artifactory webhooks.</summary>
    public ArtifactoryWebhookReceiver? Artifactory { get; init; }

    /// <summary>Azure Container Registry / Azure DevOps webhooks.</summary>
    public SecretWebhookReceiver? Azure { get; init; }

    /// <summary>Gitea webhooks.</summary>
    public SecretWebhookReceiver? Gitea { get; init; }

    /// <summary>Generic webhooks with user-defined actions.</summary>
    public GenericWebhookReceiver? Generic { get; init; }
}
