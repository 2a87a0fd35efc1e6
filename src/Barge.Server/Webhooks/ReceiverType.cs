using Barge.Resources.Model;

namespace Barge.Server.Webhooks;

/// <summary>
/// One provider block of a <see cref="WebhookReceiverConfig"/>: its path segment (Kargo's
/// <c>receiverType</c>) and the Secret key whose value feeds the path hash and authenticates. Barge
/// serves every provider Kargo has.
/// </summary>
internal sealed record ReceiverType(string Name, string SecretKey)
{
    public static ReceiverType GitHub { get; } = new("github", "secret");

    public static ReceiverType GitLab { get; } = new("gitlab", "secret-token");

    public static ReceiverType DockerHub { get; } = new("dockerhub", "secret");

    public static ReceiverType Quay { get; } = new("quay", "secret");

    public static ReceiverType Harbor { get; } = new("harbor", "auth-header");

    public static ReceiverType Generic { get; } = new("generic", "secret");

    public static ReceiverType Bitbucket { get; } = new("bitbucket", "secret");

    public static ReceiverType Gitea { get; } = new("gitea", "secret");

    public static ReceiverType Artifactory { get; } = new("artifactory", "secret-token");

    public static ReceiverType Azure { get; } = new("azure", "secret");

    /// <summary>The single provider block of <paramref name="config"/> and its Secret's name; null when none or several are set.</summary>
    public static (ReceiverType Type, string? SecretName)? Of(WebhookReceiverConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var blocks = new List<(ReceiverType, string?)>();
        void Add(ReceiverType type, bool present, string? secret)
        {
            if (present)
            {
                blocks.Add((type, secret));
            }
        }
        Add(GitHub, config.Github is not null, config.Github?.SecretRef?.Name);
        Add(GitLab, config.Gitlab is not null, config.Gitlab?.SecretRef?.Name);
        Add(DockerHub, config.Dockerhub is not null, config.Dockerhub?.SecretRef?.Name);
        Add(Quay, config.Quay is not null, config.Quay?.SecretRef?.Name);
        Add(Harbor, config.Harbor is not null, config.Harbor?.SecretRef?.Name);
        Add(Generic, config.Generic is not null, config.Generic?.SecretRef?.Name);
        Add(Bitbucket, config.Bitbucket is not null, config.Bitbucket?.SecretRef?.Name);
        Add(Gitea, config.Gitea is not null, config.Gitea?.SecretRef?.Name);
        Add(Artifactory, config.Artifactory is not null, config.Artifactory?.SecretRef?.Name);
        Add(Azure, config.Azure is not null, config.Azure?.SecretRef?.Name);
        return blocks.Count == 1 ? blocks[0] : null;
    }
}
