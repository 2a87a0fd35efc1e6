using System.Globalization;
using System.Threading.Channels;
using Barge.Resources.Model;
using Barge.Server.Auth;
using Barge.Storage;
using Barge.Storage.Watching;
using Microsoft.AspNetCore.Http;

namespace Barge.Server.Ui;

/// <summary>
/// The project page's live stream (<c>/ui/projects/{p}/live</c>), the <see cref="UiLive"/> pattern for a page
/// of 1,000 Stages: one watch of the project's changes, and per change only the fragment it affects — a
/// Stage's card (the Stage changed, or one of its Promotions changed phase) or a Warehouse's lane (one of its
/// Freight changed) — never the page, and only for the cards the page shows (<see cref="StageCards.CardRange"/>). Changes that arrive together are coalesced: each card or lane is
/// rendered once, from the store's current state, with the id of its newest change, in version order, so a
/// client resuming from any id it received misses nothing. The stream starts after <c>Last-Event-ID</c> (a
/// reconnect), else after <c>since</c> (the version the page was rendered at), else at the current version.
/// </summary>
internal static class ProjectLive
{
    public static async Task StreamAsync(HttpContext context, IResourceStore store, UiUser user, string project, FreightTimeline.Filter filter, StageCards.CardRange cards, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var from = Version(context.Request.Headers["Last-Event-ID"].ToString())
            ?? Version(context.Request.Query["since"].ToString())
            ?? await store.GetResourceVersionAsync(cancellationToken);
        await response.Body.FlushAsync(cancellationToken);

        var canPromote = user.Caller.Can(project, ProjectRole.Promoter);
        var changes = Channel.CreateUnbounded<ResourceChange>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        // The newest Promotion this stream saw per Stage: the card shows it as the Stage's last promotion.
        var latest = new Dictionary<string, Promotion>(StringComparer.Ordinal);
        using var gate = new SemaphoreSlim(1, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = WatchAsync(store, project, from, changes.Writer, stop.Token);
        var beats = UiLive.BeatAsync(response, gate, stop.Token);
        try
        {
            while (await changes.Reader.WaitToReadAsync(stop.Token))
            {
                // Drain what is waiting: per target element, the newest change.
                var batch = new Dictionary<string, (long Version, Func<Task<string?>> Render)>(StringComparer.Ordinal);
                while (changes.Reader.TryRead(out var change))
                {
                    if (Target(store, project, filter, cards, canPromote, latest, change, stop.Token) is { } target)
                    {
                        batch[target.Id] = (change.ResourceVersion, target.Render);
                    }
                }
                foreach (var (version, render) in batch.Values.OrderBy(t => t.Version))
                {
                    if (await render() is not { } fragment)
                    {
                        continue;
                    }
                    await gate.WaitAsync(stop.Token);
                    try
                    {
                        await UiLive.SendAsync(response, version, fragment, stop.Token);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }
            }
            await watch;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The browser went away.
        }
        catch (ChangesCompactedException)
        {
            // Too far behind to resume: the page cannot be patched, so it is told to reload itself.
            await gate.WaitAsync(cancellationToken);
            try
            {
                await response.WriteAsync("event: stale\ndata: the changes since this page was rendered were compacted; reload\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }
        finally
        {
            await stop.CancelAsync();
            await IgnoreCancellationAsync(watch);
            await IgnoreCancellationAsync(beats);
        }
    }

    private static async Task WatchAsync(IResourceStore store, string project, long from, ChannelWriter<ResourceChange> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in store.WatchAsync(from, new ResourceQuery { Project = project }, cancellationToken))
            {
                if (change.Object.Key.Kind is "Stage" or "Promotion" or "Freight")
                {
                    await writer.WriteAsync(change, cancellationToken);
                }
            }
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
            throw;
        }
    }

    private static (string Id, Func<Task<string?>> Render)? Target(IResourceStore store, string project, FreightTimeline.Filter filter, StageCards.CardRange cards, bool canPromote, Dictionary<string, Promotion> latest, ResourceChange change, CancellationToken cancellationToken)
    {
        var key = change.Object.Key;
        switch (key.Kind)
        {
            case "Stage" when !cards.Shows(key.Name):
                return null;
            case "Stage":
                return (StageCards.CardId(key.Name), () => CardAsync(store, project, key.Name, latest, cancellationToken));
            case "Promotion" when change.Type != ChangeType.Deleted:
                var promotion = UiResources.As<Promotion>(change.Object);
                if (promotion.Spec?.Stage is not { Length: > 0 } stage || !cards.Shows(stage))
                {
                    return null;
                }
                if (!latest.TryGetValue(stage, out var seen) || seen.Name == promotion.Name
                    || (promotion.Metadata.CreationTimestamp ?? DateTimeOffset.MinValue) >= (seen.Metadata.CreationTimestamp ?? DateTimeOffset.MinValue))
                {
                    latest[stage] = promotion;
                }
                return (StageCards.CardId(stage), () => CardAsync(store, project, stage, latest, cancellationToken));
            case "Freight":
                var origin = change.Object.Spec.ValueKind == System.Text.Json.JsonValueKind.Object
                    && change.Object.Spec.TryGetProperty("origin", out var o) && o.ValueKind == System.Text.Json.JsonValueKind.Object
                    && o.TryGetProperty("name", out var n) && n.ValueKind == System.Text.Json.JsonValueKind.String
                        ? n.GetString()
                        : null;
                if (origin is null || !FreightTimeline.Shows(filter, origin))
                {
                    return null;
                }
                return (FreightTimeline.LaneId(origin), async () => await FreightTimeline.LaneAsync(store, project, origin, filter, canPromote, cancellationToken));
            default:
                return null;
        }
    }

    private static async Task<string?> CardAsync(IResourceStore store, string project, string stageName, Dictionary<string, Promotion> latest, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(new ResourceKey("Stage", project, stageName), cancellationToken) is not { } stored)
        {
            return null;
        }
        var stage = UiResources.As<Stage>(stored);
        var aliases = await UiResources.AliasesAsync(store, project, StageCards.FreightNames(stage), cancellationToken);
        return StageCards.Card(project, stage, aliases, latest.GetValueOrDefault(stageName));
    }

    private static long? Version(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    private static async Task IgnoreCancellationAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // Stopped with the stream.
        }
        catch (ChangesCompactedException)
        {
            // Reported by the reader loop.
        }
    }
}
