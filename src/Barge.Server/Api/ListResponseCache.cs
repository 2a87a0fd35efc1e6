using System.Collections.Concurrent;
using System.Text.Json;
using Barge.Storage;
using Microsoft.AspNetCore.Http;

namespace Barge.Server.Api;

/// <summary>
/// The serialized body of recent list responses (Stages, Warehouses, Promotions, the Freight query by
/// origin), each valid for exactly the store resourceVersion it was read at: while nothing in the store
/// changes, a list costs one version read and a copy of bytes instead of a store query and a
/// serialization (200 clients polling a 500-Stage project). Any write anywhere moves the version and the
/// next request reads afresh, so a client never sees an older list than it would without the cache.
/// Only answers that depend on the store alone are cached: the Freight available to a Stage also
/// depends on the clock (soak time) and is never cached.
/// </summary>
internal sealed class ListResponseCache(IResourceStore store)
{
    /// <summary>More distinct lists than this (filters come from query strings) empty the cache first.</summary>
    private const int MaxEntries = 256;

    private const string JsonType = "application/json; charset=utf-8";

    private readonly ConcurrentDictionary<string, Snapshot> _entries = new(StringComparer.Ordinal);
    private long _hits;

    /// <summary>How many answers were served from the cache (for tests and diagnostics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>A Kubernetes list (<c>{"metadata":{"resourceVersion"},"items"}</c>).</summary>
    /// <param name="key">What identifies the list: kind, project and filter.</param>
    /// <param name="list">Reads the list from the store.</param>
    public Task<IResult> GetAsync(string key, Func<CancellationToken, Task<ResourceList>> list, CancellationToken cancellationToken) =>
        GetBodyAsync(key, async ct =>
        {
            var fresh = await list(ct);
            return (ApiOutcome<Snapshot>)new Snapshot(fresh.ResourceVersion, Serialize(writer => ManifestJson.WriteList(writer, fresh.Items, fresh.ResourceVersion)));
        }, cancellationToken);

    /// <summary>
    /// Any body read at one store version: <paramref name="read"/> returns the version it read at and the
    /// bytes, or an error (never cached).
    /// </summary>
    public async Task<IResult> GetBodyAsync(string key, Func<CancellationToken, Task<ApiOutcome<Snapshot>>> read, CancellationToken cancellationToken)
    {
        var version = await store.GetResourceVersionAsync(cancellationToken);
        if (_entries.TryGetValue(key, out var cached) && cached.Version == version)
        {
            Interlocked.Increment(ref _hits);
            return Results.Bytes(cached.Body, JsonType);
        }
        var fresh = await read(cancellationToken);
        if (!fresh.Succeeded)
        {
            return Problems.Result(fresh.Error);
        }
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[key] = fresh.Value;
        return Results.Bytes(fresh.Value.Body, JsonType);
    }

    /// <summary>Writes one JSON document to bytes.</summary>
    public static byte[] Serialize(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return buffer.ToArray();
    }

    /// <summary>A serialized answer and the store version it was read at.</summary>
    public sealed record Snapshot(long Version, byte[] Body);
}
