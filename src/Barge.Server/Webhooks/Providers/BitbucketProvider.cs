using System.Text.Json;

namespace Barge.Server.Webhooks.Providers;

/// <summary>
/// Bitbucket Cloud (<c>repo:push</c>) and Bitbucket Data Center (<c>repo:refs_changed</c>), by
/// <c>X-Event-Key</c>; signed with <c>X-Hub-Signature: sha256=&lt;hex HMAC-SHA256(body, secret)&gt;</c>
/// (constant time; other digest names are refused). Cloud: the URL is <c>repository.links.html.href</c>
/// and each <c>push.changes[].new</c> names a branch or tag, given to the matcher as
/// <c>refs/heads/&lt;name&gt;</c> or <c>refs/tags/&lt;name&gt;</c>. Data Center: the URLs are
/// <c>repository.links.clone[].href</c> and the refs <c>changes[].ref.id</c>.
/// </summary>
internal sealed class BitbucketProvider : IReceiverProvider
{
    public string? DeliveryId(WebhookRequest request) => request.Header("X-Request-UUID") ?? request.Header("X-Request-Id");

    public ProviderResult Handle(WebhookRequest request, ReceiverEntry receiver)
    {
        var eventType = request.Header("X-Event-Key") ?? "";
        if (eventType is not ("repo:push" or "repo:refs_changed"))
        {
            return ProviderResult.Answer(WebhookReply.Error(400, $"event type {eventType} is not supported"));
        }
        var signature = request.Header("X-Hub-Signature");
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
        return ProviderResult.Refresh(eventType == "repo:push" ? CloudPush(root) : DataCenterPush(root));
    }

    private static RepositoryPush CloudPush(JsonElement root)
    {
        var refs = new List<string>();
        foreach (var change in Items(Payloads.Element(root, "push", "changes")))
        {
            var name = Payloads.String(change, "new", "name");
            if (string.IsNullOrEmpty(name))
            {
                continue; // a deleted branch or tag has no "new"
            }
            refs.Add(Payloads.String(change, "new", "type") == "tag" ? "refs/tags/" + name : "refs/heads/" + name);
        }
        return new RepositoryPush(Payloads.GitUrls(Payloads.String(root, "repository", "links", "html", "href")), refs.Distinct(StringComparer.Ordinal).ToList());
    }

    private static RepositoryPush DataCenterPush(JsonElement root)
    {
        var urls = Items(Payloads.Element(root, "repository", "links", "clone")).Select(link => Payloads.String(link, "href")).ToArray();
        var refs = Items(Payloads.Element(root, "changes")).Select(c => Payloads.String(c, "ref", "id"))
            .Where(r => !string.IsNullOrEmpty(r)).Select(r => r!).Distinct(StringComparer.Ordinal).ToList();
        return new RepositoryPush(Payloads.GitUrls(urls), refs);
    }

    private static List<JsonElement> Items(JsonElement? array) =>
        array is { ValueKind: JsonValueKind.Array } a ? [.. a.EnumerateArray()] : [];
}
