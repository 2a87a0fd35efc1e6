namespace Barge.Server.Webhooks.Providers;

/// <summary>
/// Quay: no request authentication (the path is the secret); <c>docker_url</c> normalised as an image
/// and as a chart; qualifiers every <c>updated_tags[]</c>.
/// </summary>
internal sealed class QuayProvider : IReceiverProvider
{
    public string? DeliveryId(WebhookRequest request) => null;

    public ProviderResult Handle(WebhookRequest request, ReceiverEntry receiver)
    {
        if (!Payloads.TryParse(request.Body, out var parsed))
        {
            return ProviderResult.Answer(Payloads.InvalidBody);
        }
        var root = parsed.Value;
        var urls = Payloads.RegistryUrls(Payloads.String(root, "docker_url"), null);
        return ProviderResult.Refresh(new RepositoryPush(urls, [.. Payloads.Strings(Payloads.Element(root, "updated_tags"))]));
    }
}
