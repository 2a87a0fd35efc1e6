using System.Text.Json.Nodes;

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

/// <summary>A reference to a Secret in the same project.</summary>
public sealed record SecretReference
{
    /// <summary>The Secret's name.</summary>
    public string? Name { get; init; }
}

/// <summary>A provider receiver authenticated by a Secret.</summary>
public sealed record SecretWebhookReceiver
{
    /// <summary>The Secret holding the shared secret or token.</summary>
    public SecretReference? SecretRef { get; init; }
}

/// <summary>An Artifactory receiver.</summary>
public sealed record ArtifactoryWebhookReceiver
{
    /// <summary>The Secret holding the shared secret.</summary>
    public SecretReference? SecretRef { get; init; }

    /// <summary>The virtual repository name, when events come from one.</summary>
    public string? VirtualRepoName { get; init; }
}

/// <summary>A generic receiver whose actions are expressions over the request.</summary>
public sealed record GenericWebhookReceiver
{
    /// <summary>The Secret holding the shared secret.</summary>
    public SecretReference? SecretRef { get; init; }

    /// <summary>What to do on a request.</summary>
    public List<GenericWebhookAction>? Actions { get; init; }
}

/// <summary>One action of a generic receiver.</summary>
public sealed record GenericWebhookAction
{
    /// <summary>The action; the only value is <c>Refresh</c>.</summary>
    public string? Action { get; init; }

    /// <summary>An expression over the request that must be true. Default: always.</summary>
    public string? WhenExpression { get; init; }

    /// <summary>Named expressions evaluated against the request, usable by the criteria.</summary>
    public Dictionary<string, string>? Parameters { get; init; }

    /// <summary>Which resources the action applies to.</summary>
    public List<GenericWebhookTargetSelectionCriteria>? TargetSelectionCriteria { get; init; }
}

/// <summary>Selects the resources a generic action applies to.</summary>
public sealed record GenericWebhookTargetSelectionCriteria
{
    /// <summary>The kind; the only value is <c>Warehouse</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>A resource name (may be an expression).</summary>
    public string? Name { get; init; }

    /// <summary>A label selector.</summary>
    public LabelSelector? LabelSelector { get; init; }

    /// <summary>An index selector over <c>subscribedURLs</c> or <c>receiverPaths</c>.</summary>
    public JsonNode? IndexSelector { get; init; }
}
