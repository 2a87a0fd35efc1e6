namespace Barge.Server.Webhooks;

/// <summary>A provider's verdict on a call: a reply to send as is, or a push whose Warehouses to refresh.</summary>
internal sealed record ProviderResult(WebhookReply? Reply, RepositoryPush? Push)
{
    public static ProviderResult Answer(WebhookReply reply) => new(reply, null);

    public static ProviderResult Refresh(RepositoryPush push) => new(null, push);
}
