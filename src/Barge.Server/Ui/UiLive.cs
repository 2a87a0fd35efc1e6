using System.Globalization;
using System.Text;
using Barge.Storage;
using Microsoft.AspNetCore.Http;

namespace Barge.Server.Ui;

/// <summary>
/// Live fragments over Server-Sent Events, driven by the store's change feed: each event is
/// <c>event: fragment</c> with <c>id: &lt;resourceVersion&gt;</c> and a pre-rendered HTML fragment whose
/// root element carries the id of the element it replaces. Without <c>Last-Event-ID</c> the current
/// fragment comes first; with it, the stream resumes after that version. Comments keep idle streams open.
/// </summary>
internal static class UiLive
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static async Task StreamAsync(HttpContext context, IResourceStore store, StoredResource current, Func<StoredResource, string> render, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        long from;
        if (long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var resume))
        {
            from = resume;
            await response.Body.FlushAsync(cancellationToken);
        }
        else
        {
            from = current.ResourceVersion;
            await SendAsync(response, current.ResourceVersion, render(current), cancellationToken);
        }
        using var gate = new SemaphoreSlim(1, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var beats = BeatAsync(response, gate, stop.Token);
        try
        {
            await foreach (var change in store.WatchAsync(from, ResourceQuery.OfKind(current.Key.Kind, current.Key.Project), stop.Token))
            {
                if (change.Object.Key != current.Key)
                {
                    continue;
                }
                await gate.WaitAsync(stop.Token);
                try
                {
                    await SendAsync(response, change.ResourceVersion, render(change.Object), stop.Token);
                }
                finally
                {
                    gate.Release();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The browser went away.
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await beats;
            }
            catch (OperationCanceledException)
            {
                // Stopped with the stream.
            }
        }
    }

    /// <summary>Writes one <c>fragment</c> event with its id and flushes it.</summary>
    internal static async Task SendAsync(HttpResponse response, long version, string fragment, CancellationToken cancellationToken)
    {
        var text = new StringBuilder("event: fragment\nid: ").Append(version.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var line in fragment.Split('\n'))
        {
            text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }
        text.Append('\n');
        await response.WriteAsync(text.ToString(), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>A comment every <see cref="Heartbeat"/> (under <paramref name="gate"/>) until cancelled.</summary>
    internal static async Task BeatAsync(HttpResponse response, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(Heartbeat, cancellationToken);
            await gate.WaitAsync(cancellationToken);
            try
            {
                await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
