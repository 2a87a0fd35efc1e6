using System.Text.Json;

namespace Barge.Server.Webhooks.Providers;

/// <summary>
/// GitLab: <c>X-Gitlab-Token</c> must equal the Secret's <c>secret-token</c> (compared in constant
/// time); <c>Push Hook</c> and <c>Tag Push Hook</c> refresh the Warehouses subscribed to
/// <c>repository.git_http_url</c>/<c>git_ssh_url</c> whose filters accept <c>ref</c>;
/// <c>Merge Request Hook</c> is accepted and ignored.
/// </summary>
internal sealed class GitLabProvider : IReceiverProvider
{
    public string? DeliveryId(WebhookRequest request) => request.Header("X-Gitlab-Event-UUID") ?? request.Header("Idempotency-Key");

    public ProviderResult Handle(WebhookRequest request, ReceiverEntry receiver)
    {
        if (!Payloads.SecretEquals(request.Header("X-Gitlab-Token"), receiver.SecretValue))
        {
            return ProviderResult.Answer(WebhookReply.Empty(401));
        }
        var eventType = request.Header("X-Gitlab-Event") ?? "";
        if (eventType is not ("Push Hook" or "Tag Push Hook" or "Merge Request Hook"))
        {
            return ProviderResult.Answer(WebhookReply.Error(400, $"event type {eventType} is not supported"));
        }
        if (!Payloads.TryParse(request.Body, out var parsed))
        {
            return ProviderResult.Answer(Payloads.InvalidBody);
        }
        var root = parsed.Value;
        if (eventType == "Merge Request Hook")
        {
            return ProviderResult.Answer(WebhookReply.Empty(200));
        }
        var urls = Payloads.GitUrls(Payloads.String(root, "repository", "git_http_url"), Payloads.String(root, "repository", "git_ssh_url"));
        var reference = Payloads.String(root, "ref");
        List<string>? paths = null;
        if (eventType == "Push Hook")
        {
            var commits = Payloads.Element(root, "commits") is { ValueKind: JsonValueKind.Array } c ? c.EnumerateArray().ToList() : [];
            var total = Payloads.Element(root, "total_commits_count") is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var t) ? t : commits.Count;
            if (total <= commits.Count)
            {
                paths = [.. commits.SelectMany(commit =>
                    Payloads.Strings(Payloads.Element(commit, "added"))
                        .Concat(Payloads.Strings(Payloads.Element(commit, "modified")))
                        .Concat(Payloads.Strings(Payloads.Element(commit, "removed")))).Distinct(StringComparer.Ordinal)];
            }
        }
        return ProviderResult.Refresh(new RepositoryPush(urls, string.IsNullOrEmpty(reference) ? [] : [reference], paths));
    }
}
