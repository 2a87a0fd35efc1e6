namespace Barge.Server.Webhooks.Providers;

/// <summary>
/// Docker Hub: no request authentication (the secret-derived path is the protection, as in Kargo);
/// <c>repository.repo_name</c> normalised by <c>push_data.media_type</c>, qualifier <c>push_data.tag</c>.
/// </summary>
internal sealed class DockerHubProvider : IReceiverProvider
{
    public string? DeliveryId(WebhookRequest request) => null;

    public ProviderResult Handle(WebhookRequest request, ReceiverEntry receiver)
    {
        if (!Payloads.TryParse(request.Body, out var parsed))
        {
            return ProviderResult.Answer(Payloads.InvalidBody);
        }
        var root = parsed.Value;
        var urls = Payloads.RegistryUrls(Payloads.String(root, "repository", "repo_name"), Payloads.String(root, "push_data", "media_type"));
        var tag = Payloads.String(root, "push_data", "tag");
        return ProviderResult.Refresh(new RepositoryPush(urls, string.IsNullOrEmpty(tag) ? [] : [tag]));
    }
}
