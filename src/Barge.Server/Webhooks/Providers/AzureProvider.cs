using System.Text.Json;

namespace Barge.Server.Webhooks.Providers;

/// <summary>
/// Azure: Container Registry and DevOps share one receiver type, told apart by the <c>User-Agent</c>
/// prefix, as Kargo does. Neither signs its calls: the secret-derived path is the only authentication.
/// <list type="bullet">
/// <item><c>AzureContainerRegistry/…</c>: <c>action</c> <c>push</c> refreshes the subscriptions of
/// <c>request.host</c>/<c>target.repository</c> (normalised by <c>target.mediaType</c> as an image, a chart
/// or both), qualified by <c>target.tag</c> (a push by digest alone has no tag and qualifies any);
/// <c>ping</c> answers 200; any other action (<c>delete</c>, <c>chart_push</c>, …) is 400.</item>
/// <item><c>VSServices/…</c> (Azure DevOps service hooks): <c>eventType</c> must be <c>git.push</c>; the
/// URL is <c>resource.repository.remoteUrl</c> and the qualifiers each <c>resource.refUpdates[].name</c>
/// (<c>refs/heads/…</c>, <c>refs/tags/…</c>).</item>
/// <item>Any other sender is 400.</item>
/// </list>
/// The top-level <c>id</c> both services put on each event is the delivery id for refusing replays.
/// </summary>
internal sealed class AzureProvider : IReceiverProvider
{
    public const string RegistryAgent = "AzureContainerRegistry";
    public const string DevOpsAgent = "VSServices";

    public static WebhookReply Ping { get; } = WebhookReply.Message("ping event received, webhook is configured correctly");

    public string? DeliveryId(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Payloads.TryParse(request.Body, out var root) && Payloads.String(root.Value, "id") is { Length: > 0 } id
            ? Sender(request) + ":" + id
            : null;
    }

    public ProviderResult Handle(WebhookRequest request, ReceiverEntry receiver)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sender = Sender(request);
        if (sender is null)
        {
            return ProviderResult.Answer(WebhookReply.Error(400, "request does not appear to have originated from a supported service"));
        }
        if (!Payloads.TryParse(request.Body, out var parsed))
        {
            return ProviderResult.Answer(Payloads.InvalidBody);
        }
        return sender == RegistryAgent ? RegistryEvent(parsed.Value) : DevOpsEvent(parsed.Value);
    }

    private static ProviderResult RegistryEvent(JsonElement root)
    {
        var action = Payloads.String(root, "action") ?? "";
        switch (action)
        {
            case "ping":
                return ProviderResult.Answer(Ping);
            case "push":
                var host = Payloads.String(root, "request", "host");
                var repository = Payloads.String(root, "target", "repository");
                if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(repository))
                {
                    return ProviderResult.Answer(WebhookReply.Error(400, "invalid request body: a push event needs request.host and target.repository"));
                }
                var urls = Payloads.RegistryUrls(host + "/" + repository, Payloads.String(root, "target", "mediaType"));
                var tag = Payloads.String(root, "target", "tag");
                return ProviderResult.Refresh(new RepositoryPush(urls, string.IsNullOrEmpty(tag) ? [] : [tag]));
            default:
                return ProviderResult.Answer(WebhookReply.Error(400, $"event type {action} is not supported"));
        }
    }

    private static ProviderResult DevOpsEvent(JsonElement root)
    {
        var eventType = Payloads.String(root, "eventType") ?? "";
        if (eventType != "git.push")
        {
            return ProviderResult.Answer(WebhookReply.Error(400, $"event type {eventType} is not supported"));
        }
        var remote = Payloads.String(root, "resource", "repository", "remoteUrl");
        if (string.IsNullOrWhiteSpace(remote))
        {
            return ProviderResult.Answer(WebhookReply.Error(400, "invalid request body: a git.push event needs resource.repository.remoteUrl"));
        }
        var refs = new List<string>();
        if (Payloads.Element(root, "resource", "refUpdates") is { ValueKind: JsonValueKind.Array } updates)
        {
            foreach (var update in updates.EnumerateArray())
            {
                if (Payloads.String(update, "name") is { Length: > 0 } name && !refs.Contains(name, StringComparer.Ordinal))
                {
                    refs.Add(name);
                }
            }
        }
        return ProviderResult.Refresh(new RepositoryPush(Payloads.GitUrls(remote), refs));
    }

    /// <summary>Which Azure service sent the call, by its User-Agent prefix; null for anything else.</summary>
    private static string? Sender(WebhookRequest request)
    {
        var agent = request.Header("User-Agent") ?? "";
        return agent.StartsWith(RegistryAgent, StringComparison.Ordinal) ? RegistryAgent
            : agent.StartsWith(DevOpsAgent, StringComparison.Ordinal) ? DevOpsAgent
            : null;
    }
}
