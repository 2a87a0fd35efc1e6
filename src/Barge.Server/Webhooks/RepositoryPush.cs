namespace Barge.Server.Webhooks;

/// <summary>The kind of subscription a pushed repository URL is compared with.</summary>
internal enum RepositoryKind
{
    Git,
    Image,
    Chart,
}

/// <summary>A normalised repository URL named by an event, as one kind of subscription would spell it.</summary>
internal sealed record RepositoryUrl(RepositoryKind Kind, string Url);

/// <summary>
/// What a provider extracted from a push: the candidate repository URLs (normalised), the qualifiers
/// (a git ref, image tags or chart versions; empty = any) and, for git, the changed paths (null = unknown).
/// </summary>
internal sealed record RepositoryPush(IReadOnlyList<RepositoryUrl> Urls, IReadOnlyList<string> Qualifiers, IReadOnlyList<string>? ChangedPaths = null);

/// <summary>A provider's verdict on a call: a reply to send as is, or a push whose Warehouses to refresh.</summary>
internal sealed record ProviderResult(WebhookReply? Reply, RepositoryPush? Push)
{
    public static ProviderResult Answer(WebhookReply reply) => new(reply, null);

    public static ProviderResult Refresh(RepositoryPush push) => new(null, push);
}
