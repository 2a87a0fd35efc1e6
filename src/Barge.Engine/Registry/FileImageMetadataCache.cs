using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Barge.Engine.Registry;

/// <summary>
/// Image metadata as one JSON file per key under a folder (by default
/// <c>$BARGE_HOME/cache/registry</c>), with an in-memory copy in front. Files are written to a
/// temporary name and renamed, so a reader never sees half a file; an unreadable file is treated
/// as a miss and rewritten.
/// </summary>
public sealed partial class FileImageMetadataCache : IImageMetadataCache
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _folder;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, ImageMetadata> _memory = new(StringComparer.Ordinal);

    public FileImageMetadataCache(string folder, ILogger<FileImageMetadataCache> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(logger);
        _folder = folder;
        _logger = logger;
        Directory.CreateDirectory(folder);
    }

    public async ValueTask<ImageMetadata?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_memory.TryGetValue(key, out var known))
        {
            return known;
        }
        var path = PathFor(key);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            await using var stream = File.OpenRead(path);
            var entry = await JsonSerializer.DeserializeAsync<CacheEntry>(stream, Json, cancellationToken);
            if (entry is null || entry.Key != key || entry.Metadata is null)
            {
                return null;
            }
            _memory[key] = entry.Metadata;
            return entry.Metadata;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            LogUnreadable(_logger, path, e.Message);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, ImageMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(metadata);
        _memory[key] = metadata;
        var path = PathFor(key);
        var temporary = path + "." + Environment.ProcessId + "." + Environment.CurrentManagedThreadId + ".tmp";
        try
        {
            await using (var stream = File.Create(temporary))
            {
                await JsonSerializer.SerializeAsync(stream, new CacheEntry(key, metadata), Json, cancellationToken);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogUnwritable(_logger, path, e.Message);
            File.Delete(temporary);
        }
    }

    private string PathFor(string key)
    {
        // Digests name their file directly; other keys (repository and tag) are hashed to a safe name.
        var name = ContentDigest.IsValid(key)
            ? key.Replace(':', '-')
            : "key-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return Path.Combine(_folder, name + ".json");
    }

    private sealed record CacheEntry(string Key, ImageMetadata? Metadata);

    [LoggerMessage(Level = LogLevel.Warning, Message = "image metadata cache file {Path} is unreadable ({Reason}); reading the registry instead")]
    private static partial void LogUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "image metadata cache file {Path} could not be written ({Reason})")]
    private static partial void LogUnwritable(ILogger logger, string path, string reason);
}
