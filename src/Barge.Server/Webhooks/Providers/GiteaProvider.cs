namespace Barge.Server.Webhooks.Providers;

/// <summary>
/// Gitea: only <c>push</c> (<c>X-Gitea-Event</c>; others get 501 as in Kargo), signed like GitHub with
/// <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256(body, secret)&gt;</c> (constant time); refreshes the
/// Warehouses subscribed to <c>repository.clone_url</c> whose filters accept <c>ref</c>.
/// </summary>
internal sealed class GiteaProvider : IReceiverProvider
{
    public string? DeliveryId(WebhookRequest request) => request.Header("X-Gitea-Delivery");

    public ProviderResult Handle(WebhookRequest request, ReceiverEntry receiver)
    {
        var eventType = request.Header("X-Gitea-Event") ?? "";
        if (eventType != "push")
        {
            return ProviderResult.Answer(WebhookReply.Error(501, $"event type {eventType} is not supported"));
        }
        var signature = request.Header("X-Hub-Signature-256");
        if (string.IsNullOrEmpty(signature))
        {
            return ProviderResult.Answer(WebhookReply.Error(401, "missing signature"));
        }
        if (!GitHubProvider.SignatureMatches(signature, request.Body, receiver.SecretValue))
        {
            return ProviderResult.Answer(WebhookReply.Error(401, "unauthorized"));
        }
        if (!Payloads.TryParse(request.Body, out var parsed))
        {
            return ProviderResult.Answer(Payloads.InvalidBody);
        }
        var root = parsed.Value;
        var reference = Payloads.String(root, "ref");
        return ProviderResult.Refresh(new RepositoryPush(
            Payloads.GitUrls(Payloads.String(root, "repository", "clone_url")), string.IsNullOrEmpty(reference) ? [] : [reference]));
    }
}
