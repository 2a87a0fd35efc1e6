using System.Collections.Concurrent;
using System.Text.Json;
using Barge.Storage;
using Microsoft.AspNetCore.Http;

namespace Barge.Server.Api;

/// <summary>
/// The serialized body of recent list responses, each valid for exactly the store resourceVersion it
/// was read at: while nothing in the store changes, a list costs one version read and a copy of bytes
/// instead of a store query and a serialization (200 clients polling a 500-Stage project). Any write
/// anywhere moves the version and the next request reads afresh, so a client never sees an older
/// list than it would without the cache.
/// </summary>
internal sealed class ListResponseCache(IResourceStore store)
{
    /// <summary>More distinct lists than this (filters come from query strings) empty the cache first.</summary>
    private const int MaxEntries = 256;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <param name="key">What identifies the list: kind, project and filter.</param>
    /// <param name="list">Reads the list from the store.</param>
    public async Task<IResult> GetAsync(string key, Func<CancellationToken, Task<ResourceList>> list, CancellationToken cancellationToken)
    {
        var version = await store.GetResourceVersionAsync(cancellationToken);
        if (_entries.TryGetValue(key, out var cached) && cached.Version == version)
        {
            return Results.Bytes(cached.Body, "application/json; charset=utf-8");
        }
        var fresh = await list(cancellationToken);
        var body = Serialize(fresh);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[key] = new Entry(fresh.ResourceVersion, body);
        return Results.Bytes(body, "application/json; charset=utf-8");
    }

    private static byte[] Serialize(ResourceList list)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ManifestJson.WriteList(writer, list.Items, list.ResourceVersion);
        }
        return buffer.ToArray();
    }

    private sealed record Entry(long Version, byte[] Body);
}
