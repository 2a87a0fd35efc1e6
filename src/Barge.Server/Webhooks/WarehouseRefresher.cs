using System.Globalization;
using System.Text.Json;
using Barge.Engine.Controllers;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;
using Microsoft.Extensions.Logging;

namespace Barge.Server.Webhooks;

/// <summary>
/// Requests a refresh of Warehouses the way <c>barge refresh warehouse</c> does: the
/// <c>kargo.akuity.io/refresh</c> annotation set to the current time by a compare-and-swap update.
/// Coalesces: a Warehouse whose previous refresh is still unhandled (annotation ≠
/// <c>status.lastHandledRefresh</c>) is not written again, because the pending refresh will discover
/// this push too.
/// </summary>
internal sealed partial class WarehouseRefresher(IResourceStore store, TimeProvider time, ILogger<WarehouseRefresher> logger)
{
    private const int UpdateAttempts = 8;

    /// <summary>The Warehouses of <paramref name="project"/> whose subscriptions accept <paramref name="push"/>.</summary>
    public async Task<IReadOnlyList<StoredResource>> MatchAsync(string project, RepositoryPush push, CancellationToken cancellationToken)
    {
        var list = await store.ListAsync(ResourceQuery.OfKind("Warehouse", project), cancellationToken);
        var matched = new List<StoredResource>();
        foreach (var warehouse in list.Items)
        {
            if (warehouse.DeletionTimestamp is null && SpecOf(warehouse) is { } spec && SubscriptionMatcher.Accepts(spec, push))
            {
                matched.Add(warehouse);
            }
        }
        return matched;
    }

    /// <summary>Requests a refresh of <paramref name="key"/>; the outcome says whether it was written, coalesced or failed.</summary>
    public async Task<RefreshOutcome> RefreshAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetAsync(key, cancellationToken);
            if (current is null || current.DeletionTimestamp is not null)
            {
                return RefreshOutcome.Missing;
            }
            var requested = current.Annotations.GetValueOrDefault(WarehouseReconciler.RefreshAnnotation);
            if (!string.IsNullOrEmpty(requested) && requested != LastHandledRefresh(current))
            {
                LogCoalesced(logger, key.Name, key.Project);
                return RefreshOutcome.Coalesced;
            }
            var token = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
            var annotations = new Dictionary<string, string>(current.Annotations, StringComparer.Ordinal) { [WarehouseReconciler.RefreshAnnotation] = token };
            try
            {
                await store.UpdateAsync(ResourceUpdate.From(current, current.Spec) with { Annotations = annotations }, cancellationToken);
                LogRefreshed(logger, key.Name, key.Project);
                return RefreshOutcome.Written;
            }
            catch (ResourceConflictException) when (attempt < UpdateAttempts)
            {
                // Written meanwhile (a controller's status write or another webhook): read again.
            }
            catch (ResourceStoreException e)
            {
                LogFailed(logger, key.Name, key.Project, e.Message);
                return RefreshOutcome.Failed;
            }
        }
    }

    private static WarehouseSpec? SpecOf(StoredResource warehouse)
    {
        try
        {
            return ResourceSerializer.FromJson<WarehouseSpec>(warehouse.Spec.GetRawText());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? LastHandledRefresh(StoredResource warehouse) =>
        warehouse.Status is { ValueKind: JsonValueKind.Object } status && status.TryGetProperty("lastHandledRefresh", out var handled) && handled.ValueKind == JsonValueKind.String
            ? handled.GetString()
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "webhook requested a refresh of Warehouse \"{Warehouse}\" in project \"{Project}\"")]
    private static partial void LogRefreshed(ILogger logger, string warehouse, string project);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Warehouse \"{Warehouse}\" in project \"{Project}\" already has a pending refresh; not written again")]
    private static partial void LogCoalesced(ILogger logger, string warehouse, string project);

    [LoggerMessage(Level = LogLevel.Warning, Message = "webhook refresh of Warehouse \"{Warehouse}\" in project \"{Project}\" failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string warehouse, string project, string error);
}
