using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Barge.Server.Webhooks.Providers;

/// <summary>
/// GitHub: <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256(body, secret)&gt;</c> checked in constant
/// time; <c>ping</c> answered; <c>push</c> refreshes the Warehouses subscribed to
/// <c>repository.clone_url</c>/<c>ssh_url</c> whose branch or tag filters accept <c>ref</c>.
/// <c>package</c>/<c>registry_package</c> (container packages published or updated) refresh image
/// subscriptions. <c>pull_request</c> is accepted and ignored (Barge has no <c>git-wait-for-pr</c> step).
/// </summary>
internal sealed class GitHubProvider : IReceiverProvider
{
    private const int MaxCommitsForPaths = 2048;

    public string? DeliveryId(WebhookRequest request) => request.Header("X-GitHub-Delivery");

    public ProviderResult Handle(WebhookRequest request, ReceiverEntry receiver)
    {
        var eventType = request.Header("X-GitHub-Event") ?? "";
        if (eventType is not ("push" or "ping" or "pull_request" or "package" or "registry_package"))
        {
            return ProviderResult.Answer(WebhookReply.Error(400, $"event type {eventType} is not supported"));
        }
        var signature = request.Header("X-Hub-Signature-256");
        if (string.IsNullOrEmpty(signature))
        {
            return ProviderResult.Answer(WebhookReply.Error(401, "missing signature"));
        }
        if (!SignatureMatches(signature, request.Body, receiver.SecretValue))
        {
            return ProviderResult.Answer(WebhookReply.Error(401, "unauthorized"));
        }
        if (!Payloads.TryParse(request.Body, out var parsed))
        {
            return ProviderResult.Answer(Payloads.InvalidBody);
        }
        var root = parsed.Value;
        return eventType switch
        {
            "ping" => ProviderResult.Answer(WebhookReply.Message("ping event received, webhook is configured correctly")),
            "push" => Push(root),
            "pull_request" => ProviderResult.Answer(WebhookReply.Empty(200)),
            _ => Package(root),
        };
    }

    /// <summary>True when <paramref name="header"/> is <c>sha256=</c> and the HMAC of the body, compared in constant time.</summary>
    public static bool SignatureMatches(string header, byte[] body, string secret)
    {
        const string prefix = "sha256=";
        if (!header.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private static ProviderResult Push(JsonElement root)
    {
        var urls = Payloads.GitUrls(Payloads.String(root, "repository", "clone_url"), Payloads.String(root, "repository", "ssh_url"));
        var reference = Payloads.String(root, "ref");
        var commits = Payloads.Element(root, "commits") is { ValueKind: JsonValueKind.Array } c ? c.EnumerateArray().ToList() : [];
        List<string>? paths = null;
        if (commits.Count < MaxCommitsForPaths)
        {
            var all = new List<JsonElement>(commits);
            if (Payloads.Element(root, "head_commit") is { ValueKind: JsonValueKind.Object } head)
            {
                all.Add(head);
            }
            paths = [.. all.SelectMany(ChangedPaths).Distinct(StringComparer.Ordinal)];
        }
        return ProviderResult.Refresh(new RepositoryPush(urls, string.IsNullOrEmpty(reference) ? [] : [reference], paths));
    }

    private static IEnumerable<string> ChangedPaths(JsonElement commit) =>
        Payloads.Strings(Payloads.Element(commit, "added"))
            .Concat(Payloads.Strings(Payloads.Element(commit, "modified")))
            .Concat(Payloads.Strings(Payloads.Element(commit, "removed")));

    private static ProviderResult Package(JsonElement root)
    {
        var action = Payloads.String(root, "action");
        var package = Payloads.Element(root, "package") ?? Payloads.Element(root, "registry_package");
        var type = package is { } p ? Payloads.String(p, "package_type") : null;
        if (action is not ("published" or "updated") || !string.Equals(type, "container", StringComparison.OrdinalIgnoreCase) && type != "docker")
        {
            return ProviderResult.Answer(WebhookReply.Empty(200));
        }
        if (package is not { } pkg || Payloads.Element(pkg, "package_version") is not { ValueKind: JsonValueKind.Object } version)
        {
            return ProviderResult.Answer(Payloads.InvalidBody);
        }
        var url = Payloads.String(version, "package_url")?.TrimEnd(':');
        var mediaType = Payloads.String(version, "container_metadata", "manifest", "config", "media_type");
        var tag = Payloads.String(version, "container_metadata", "tag", "name");
        return ProviderResult.Refresh(new RepositoryPush(Payloads.RegistryUrls(url, mediaType), string.IsNullOrEmpty(tag) ? [] : [tag]));
    }
}
