using System.Text.Json;

namespace Barge.Server.Webhooks.Providers;

/// <summary>
/// Harbor (Default payload format): the <c>Authorization</c> header must equal the Secret's
/// <c>auth-header</c> (constant time); only <c>PUSH_ARTIFACT</c>; the URL is
/// <c>event_data.resources[0].resource_url</c> normalised as image and chart; qualifiers every resource's tag.
/// </summary>
internal sealed class HarborProvider : IReceiverProvider
{
    public string? DeliveryId(WebhookRequest request) => null;

    public ProviderResult Handle(WebhookRequest request, ReceiverEntry receiver)
    {
        var authorization = request.Header("Authorization");
        if (string.IsNullOrEmpty(authorization))
        {
            return ProviderResult.Answer(WebhookReply.Error(401, "missing authorization"));
        }
        if (!Payloads.SecretEquals(authorization, receiver.SecretValue))
        {
            return ProviderResult.Answer(WebhookReply.Error(401, "unauthorized"));
        }
        if (!Payloads.TryParse(request.Body, out var parsed))
        {
            return ProviderResult.Answer(Payloads.InvalidBody);
        }
        var root = parsed.Value;
        if (Payloads.String(root, "type") != "PUSH_ARTIFACT")
        {
            return ProviderResult.Answer(WebhookReply.Error(400, "unsupported event type"));
        }
        var resources = Payloads.Element(root, "event_data", "resources") is { ValueKind: JsonValueKind.Array } r ? r.EnumerateArray().ToList() : [];
        var url = resources.Count > 0 ? Payloads.String(resources[0], "resource_url") : null;
        var tags = resources.Select(e => Payloads.String(e, "tag")).Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).Distinct(StringComparer.Ordinal).ToList();
        return ProviderResult.Refresh(new RepositoryPush(Payloads.RegistryUrls(url, null), tags));
    }
}
