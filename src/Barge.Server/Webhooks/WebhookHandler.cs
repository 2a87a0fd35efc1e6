using System.Security.Cryptography;
using Barge.Server.Webhooks.Providers;
using Barge.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Barge.Server.Webhooks;

/// <summary>
/// One webhook call: 413 for a body over the limit, 404 <c>{}</c> for an unknown path, then the
/// provider's authentication (401) and payload reading (400), then 409 for a replayed delivery, then the refresh of exactly the matching Warehouses of the
/// receiver's project: 200 <c>{"msg":"refreshed N warehouse(s)"}</c>, or 500 when some writes failed.
/// </summary>
internal sealed partial class WebhookHandler(
    ReceiverDirectory directory, WarehouseRefresher refresher, GenericProvider generic, ReplayGuard replay, WebhookOptions options, ILogger<WebhookHandler> logger)
{
    private static readonly Dictionary<string, IReceiverProvider> Providers = new(StringComparer.Ordinal)
    {
        [ReceiverType.GitHub.Name] = new GitHubProvider(),
        [ReceiverType.GitLab.Name] = new GitLabProvider(),
        [ReceiverType.DockerHub.Name] = new DockerHubProvider(),
        [ReceiverType.Quay.Name] = new QuayProvider(),
        [ReceiverType.Harbor.Name] = new HarborProvider(),
        [ReceiverType.Bitbucket.Name] = new BitbucketProvider(),
        [ReceiverType.Gitea.Name] = new GiteaProvider(),
        [ReceiverType.Artifactory.Name] = new ArtifactoryProvider(),
        [ReceiverType.Azure.Name] = new AzureProvider(),
    };

    public async Task<WebhookReply> HandleAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var tooLarge = WebhookReply.Error(413, $"content exceeds limit of {options.MaxBodyBytes} bytes");
        if (http.ContentLength > options.MaxBodyBytes)
        {
            return tooLarge;
        }
        var path = http.PathBase.Add(http.Path).Value ?? "";
        var receiver = await directory.FindAsync(path, cancellationToken);
        if (receiver is null)
        {
            LogUnknown(logger, http.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return WebhookReply.Empty(404);
        }
        var body = await ReadBodyAsync(http.Body, options.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return tooLarge;
        }
        var request = new WebhookRequest(
            http.Headers.ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? "").ToArray(), StringComparer.OrdinalIgnoreCase),
            http.Query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? "").ToArray(), StringComparer.Ordinal),
            body);
        if (receiver.Type == ReceiverType.Generic)
        {
            return IsReplay(receiver, null, body) ?? await generic.HandleAsync(request, receiver, cancellationToken);
        }
        var provider = Providers[receiver.Type.Name];
        var result = provider.Handle(request, receiver);
        if (result.Reply is { } reply)
        {
            if (reply.Status == 401)
            {
                LogDenied(logger, receiver.Name, receiver.Project, http.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            }
            return reply;
        }
        if (IsReplay(receiver, provider.DeliveryId(request), body) is { } refused)
        {
            return refused;
        }
        var matched = await refresher.MatchAsync(receiver.Project, result.Push!, cancellationToken);
        var failures = 0;
        foreach (var warehouse in matched)
        {
            if (await refresher.RefreshAsync(warehouse.Key, cancellationToken) is RefreshOutcome.Failed)
            {
                failures++;
            }
        }
        return failures > 0
            ? WebhookReply.Error(500, $"failed to refresh {failures} of {matched.Count} warehouses")
            : WebhookReply.Message($"refreshed {matched.Count} warehouse(s)");
    }

    private WebhookReply? IsReplay(ReceiverEntry receiver, string? deliveryId, byte[] body)
    {
        string? key = !string.IsNullOrEmpty(deliveryId) ? "id:" + deliveryId
            : body.Length > 0 ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body))
            : null;
        if (key is null || replay.TryRecord(receiver.Path + " " + key))
        {
            return null;
        }
        LogReplay(logger, receiver.Name, receiver.Project);
        return WebhookReply.Error(409, deliveryId is null
            ? "this delivery (same body) was already received"
            : $"delivery {deliveryId} was already received");
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "webhook call denied for receiver \"{Receiver}\" of project \"{Project}\" from {Remote}: authentication failed")]
    private static partial void LogDenied(ILogger logger, string receiver, string project, string remote);

    [LoggerMessage(Level = LogLevel.Information, Message = "webhook call to an unknown receiver path from {Remote}")]
    private static partial void LogUnknown(ILogger logger, string remote);

    [LoggerMessage(Level = LogLevel.Information, Message = "replayed delivery refused for receiver \"{Receiver}\" of project \"{Project}\"")]
    private static partial void LogReplay(ILogger logger, string receiver, string project);
}
