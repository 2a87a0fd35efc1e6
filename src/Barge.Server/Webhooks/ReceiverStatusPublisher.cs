using System.Text.Json;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;
using Barge.Storage.Watching;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Barge.Server.Webhooks;

/// <summary>
/// Publishes where each receiver listens in its ProjectConfig's <c>status.webhookReceivers[]{name,path,url}</c>,
/// as Kargo's ProjectConfig controller does: once at start for every project, then whenever a
/// ProjectConfig or Secret of a project changes. The status is written (compare-and-swap) only when it
/// differs; the other status fields are kept.
/// </summary>
internal sealed partial class ReceiverStatusPublisher(
    IResourceStore store, ReceiverDirectory directory, WebhookOptions options, ILogger<ReceiverStatusPublisher> logger) : BackgroundService
{
    private const int WriteAttempts = 5;

    /// <summary>Publishes the receivers of <paramref name="project"/>; true when the status was written.</summary>
    public async Task<bool> PublishAsync(string project, CancellationToken cancellationToken)
    {
        var key = new ResourceKey("ProjectConfig", project, project);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.GetAsync(key, cancellationToken);
            if (stored is null || stored.DeletionTimestamp is not null)
            {
                return false;
            }
            var spec = ResourceSerializer.FromJson<ProjectConfigSpec>(stored.Spec.GetRawText());
            var entries = await directory.ForProjectAsync(project, cancellationToken);
            var details = new List<WebhookReceiverDetails>();
            foreach (var config in spec?.WebhookReceivers ?? [])
            {
                if (entries.FirstOrDefault(e => e.Name == config.Name) is { } entry)
                {
                    details.Add(new WebhookReceiverDetails { Name = entry.Name, Path = entry.Path, Url = ReceiverPaths.Url(options.BaseUrl, entry.Path) });
                }
            }
            var status = stored.Status is { ValueKind: JsonValueKind.Object } s
                ? ResourceSerializer.FromJson<ProjectConfigStatus>(s.GetRawText()) ?? new ProjectConfigStatus()
                : new ProjectConfigStatus();
            var published = details.Count == 0 ? null : details;
            if (Same(status.WebhookReceivers, published))
            {
                return false;
            }
            var element = JsonSerializer.SerializeToElement(ResourceSerializer.ToJsonNode(status with { WebhookReceivers = published }));
            try
            {
                await store.UpdateStatusAsync(key, stored.ResourceVersion, element, cancellationToken);
                LogPublished(logger, project, details.Count);
                return true;
            }
            catch (ResourceConflictException) when (attempt < WriteAttempts)
            {
                // Written meanwhile: read again.
            }
            catch (ResourceNotFoundException)
            {
                return false;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var from = await store.GetResourceVersionAsync(stoppingToken);
                foreach (var config in (await store.ListAsync(ResourceQuery.OfKind("ProjectConfig"), stoppingToken)).Items)
                {
                    await PublishSafelyAsync(config.Key.Project, stoppingToken);
                }
                await foreach (var change in store.WatchAsync(from, null, stoppingToken))
                {
                    var kind = change.Object.Key.Kind;
                    if (kind == "Secret" || (kind == "ProjectConfig" && change.Type != ChangeType.Deleted))
                    {
                        await PublishSafelyAsync(change.Object.Key.Project, stoppingToken);
                    }
                }
            }
            catch (ChangesCompactedException)
            {
                // The feed moved past us: list again and follow from there.
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task PublishSafelyAsync(string project, CancellationToken cancellationToken)
    {
        try
        {
            await PublishAsync(project, cancellationToken);
        }
        catch (Exception e) when (e is ResourceStoreException or JsonException)
        {
            LogPublishFailed(logger, project, e.Message);
        }
    }

    private static bool Same(List<WebhookReceiverDetails>? a, List<WebhookReceiverDetails>? b) =>
        (a ?? []).SequenceEqual(b ?? []);

    [LoggerMessage(Level = LogLevel.Information, Message = "published {Count} webhook receiver path(s) in ProjectConfig \"{Project}\"")]
    private static partial void LogPublished(ILogger logger, string project, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "publishing the webhook receivers of ProjectConfig \"{Project}\" failed: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, string project, string error);
}
