using System.Globalization;
using System.Text;
using System.Text.Json;
using Barge.Server.Api;
using Barge.Storage;
using Barge.Storage.Watching;
using Microsoft.AspNetCore.Http;

namespace Barge.Server.Watching;

/// <summary>
/// <c>?watch=true</c>: streams store changes as Server-Sent Events in Kargo's framing
/// (<c>data: {"type":"MODIFIED","object":{…}}</c>), each with <c>id: &lt;resourceVersion&gt;</c> so a
/// client resumes with <c>Last-Event-ID</c> (or Kargo's <c>resourceVersion</c> query). Without either,
/// the current objects come first as <c>ADDED</c>. A change that makes an object stop matching a
/// filter is sent as <c>DELETED</c>, as Kargo does. Heartbeat comments keep idle streams open; the
/// client's disconnect ends the watch.
/// </summary>
internal sealed class SseWatch(IResourceStore store, TimeSpan heartbeat)
{
    /// <summary>Streams a collection: <paramref name="query"/> narrows in the store, <paramref name="matches"/> in memory.</summary>
    public async Task StreamAsync(HttpContext context, ResourceQuery query, Func<StoredResource, bool> matches, CancellationToken cancellationToken)
    {
        long from;
        IReadOnlyList<StoredResource> seed = [];
        if (ResumeFrom(context) is { } resume)
        {
            from = resume;
        }
        else
        {
            var list = await store.ListAsync(query, cancellationToken);
            seed = list.Items.Where(matches).ToList();
            from = list.ResourceVersion;
        }
        await RunAsync(context, seed, from, query, matches, cancellationToken);
    }

    /// <summary>
    /// Streams one object: its current state first (as Kargo's synthetic ADDED), then its changes. The
    /// watch starts at the store's version of now (read before the object), so opening it costs no replay
    /// of what other objects did since this one last changed; changes the sent state already holds are skipped.
    /// </summary>
    public async Task StreamOneAsync(HttpContext context, StoredResource current, CancellationToken cancellationToken)
    {
        var key = current.Key;
        var query = ResourceQuery.OfKind(key.Kind, key.Project);
        bool Matches(StoredResource r) => r.Key == key;
        if (ResumeFrom(context) is { } resume)
        {
            await RunAsync(context, [], resume, query, Matches, cancellationToken, onlyMatching: true);
            return;
        }
        var now = await store.GetResourceVersionAsync(cancellationToken);
        if (await store.GetAsync(key, cancellationToken) is not { } fresh)
        {
            // Deleted since the caller read it: from its own version the watch still sees the deletion.
            await RunAsync(context, [current], current.ResourceVersion, query, Matches, cancellationToken, onlyMatching: true);
            return;
        }
        var sent = fresh.ResourceVersion;
        await RunAsync(context, [fresh], now, query, Matches, cancellationToken, onlyMatching: true, after: sent);
    }

    private static long? ResumeFrom(HttpContext context)
    {
        var text = context.Request.Headers["Last-Event-ID"].ToString();
        if (text.Length == 0)
        {
            text = context.Request.Query["resourceVersion"].ToString();
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    /// <param name="onlyMatching">Changes of objects that do not match are skipped (a one-object watch),
    /// instead of reported as DELETED (a filtered collection the object left).</param>
    /// <param name="after">Changes at or below this version are skipped: the seed already holds them.</param>
    private async Task RunAsync(HttpContext context, IReadOnlyList<StoredResource> seed, long from, ResourceQuery query, Func<StoredResource, bool> matches, CancellationToken cancellationToken, bool onlyMatching = false, long after = 0)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(cancellationToken);
        var gate = new SemaphoreSlim(1, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var beats = HeartbeatAsync(response, gate, stop.Token);
        try
        {
            foreach (var item in seed)
            {
                await SendAsync(response, gate, "ADDED", item.ResourceVersion, item, stop.Token);
            }
            await foreach (var change in store.WatchAsync(from, query, stop.Token))
            {
                var type = change.Type switch
                {
                    ChangeType.Added => "ADDED",
                    ChangeType.Deleted => "DELETED",
                    _ => "MODIFIED",
                };
                if (change.ResourceVersion <= after)
                {
                    continue;
                }
                if (!matches(change.Object))
                {
                    if (onlyMatching || change.Type != ChangeType.Modified)
                    {
                        continue;
                    }
                    type = "DELETED";
                }
                await SendAsync(response, gate, type, change.ResourceVersion, change.Object, stop.Token);
            }
        }
        catch (ChangesCompactedException ex)
        {
            await gate.WaitAsync(stop.Token);
            var error = JsonSerializer.Serialize(new { code = "out_of_range", message = "watch resource version expired: " + ex.Message });
            await response.WriteAsync($"event: error\ndata: {error}\n\n", stop.Token);
            gate.Release();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or the server is stopping: the watch simply ends.
        }
        finally
        {
            await stop.CancelAsync();
            await beats;
        }
    }

    private static async Task SendAsync(HttpResponse response, SemaphoreSlim gate, string type, long version, StoredResource resource, CancellationToken cancellationToken)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("object");
            ManifestJson.Write(writer, resource);
            writer.WriteEndObject();
        }
        var head = Encoding.UTF8.GetBytes($"id: {version.ToString(CultureInfo.InvariantCulture)}\ndata: ");
        await gate.WaitAsync(cancellationToken);
        try
        {
            await response.Body.WriteAsync(head, cancellationToken);
            await response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken);
            await response.Body.WriteAsync("\n\n"u8.ToArray(), cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task HeartbeatAsync(HttpResponse response, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(heartbeat);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    await response.Body.WriteAsync(": keepalive\n\n"u8.ToArray(), cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The watch ended.
        }
        catch (IOException)
        {
            // The client is gone; the watch loop ends on the aborted request.
        }
    }
}
