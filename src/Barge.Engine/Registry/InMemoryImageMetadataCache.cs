using System.Collections.Concurrent;

namespace Barge.Engine.Registry;

/// <summary>Image metadata kept for the life of the process.</summary>
public sealed class InMemoryImageMetadataCache : IImageMetadataCache
{
    private readonly ConcurrentDictionary<string, ImageMetadata> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public ValueTask<ImageMetadata?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_entries.TryGetValue(key, out var metadata) ? metadata : null);

    public ValueTask SetAsync(string key, ImageMetadata metadata, CancellationToken cancellationToken)
    {
        _entries[key] = metadata;
        return ValueTask.CompletedTask;
    }
}
