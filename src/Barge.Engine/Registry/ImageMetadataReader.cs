namespace Barge.Engine.Registry;

/// <summary>
/// Turns a tag into <see cref="ImageMetadata"/> with as few registry requests as the cache allows:
/// one HEAD for the tag's digest, and the manifest, its images and their config blobs only for a
/// digest never seen before. With <c>cacheByTag</c> (Kargo's promise that tags are immutable) a
/// known tag costs no request at all.
/// </summary>
public sealed class ImageMetadataReader
{
    // Kargo's creation-time sources, in order, before the config's own "created".
    private static readonly string[] CreatedKeys = ["org.opencontainers.image.created", "org.label-schema.build-date"];

    private readonly RegistryClient _client;
    private readonly IImageMetadataCache _cache;

    public ImageMetadataReader(RegistryClient client, IImageMetadataCache cache)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(cache);
        _client = client;
        _cache = cache;
    }

    /// <summary>The metadata of the manifest at <paramref name="tag"/>; null when the tag does not exist.</summary>
    public async Task<ImageMetadata?> GetByTagAsync(ImageRepository repository, string tag, RegistryAccess access, bool cacheByTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrEmpty(tag);
        var tagKey = $"tag:{repository.Name}:{tag}";
        if (cacheByTag && await _cache.GetAsync(tagKey, cancellationToken) is { } known)
        {
            return known;
        }
        // A HEAD, not a GET: it is all a known digest needs, and registries that meter pulls count
        // manifest GETs but not HEADs.
        var digest = await _client.ResolveDigestAsync(repository, tag, access, cancellationToken);
        if (digest is null)
        {
            return null;
        }
        var metadata = await GetByDigestAsync(repository, digest, access, cancellationToken);
        if (metadata is not null && cacheByTag)
        {
            await _cache.SetAsync(tagKey, metadata, cancellationToken);
        }
        return metadata;
    }

    /// <summary>The metadata of the manifest or index with <paramref name="digest"/>; null when the registry does not have it.</summary>
    public async Task<ImageMetadata?> GetByDigestAsync(ImageRepository repository, string digest, RegistryAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (await _cache.GetAsync(digest, cancellationToken) is { } known)
        {
            return known;
        }
        var manifest = await _client.GetManifestAsync(repository, digest, access, cancellationToken);
        if (manifest is null)
        {
            return null;
        }
        var metadata = manifest.IsIndex
            ? await FromIndexAsync(repository, manifest, access, cancellationToken)
            : await FromImageAsync(repository, manifest, access, cancellationToken);
        await _cache.SetAsync(digest, metadata, cancellationToken);
        return metadata;
    }

    private async Task<ImageMetadata> FromIndexAsync(ImageRepository repository, OciManifest index, RegistryAccess access, CancellationToken cancellationToken)
    {
        var platforms = new List<PlatformImage>();
        DateTimeOffset? newest = null;
        foreach (var entry in index.Manifests)
        {
            // Entries without a real platform are attestations, signatures and the like, not images.
            if (entry.Platform is not { } platform || IsUnknown(platform.Os) || IsUnknown(platform.Architecture))
            {
                continue;
            }
            var image = await GetByDigestAsync(repository, entry.Digest, access, cancellationToken)
                ?? throw new RegistryException($"index {repository}@{index.Digest}: it refers to {entry.Digest}, which the registry does not have");
            if (image.CreatedAt is { } created && (newest is null || created > newest))
            {
                newest = created;
            }
            platforms.Add(new PlatformImage(platform.Os, platform.Architecture, platform.Variant, entry.Digest, image.CreatedAt, entry.Annotations));
        }
        if (platforms.Count == 0)
        {
            throw new RegistryException($"index {repository}@{index.Digest}: an empty manifest list or index (no image for any platform) is not supported");
        }
        return new ImageMetadata(index.Digest, newest, index.Annotations, platforms);
    }

    private async Task<ImageMetadata> FromImageAsync(ImageRepository repository, OciManifest manifest, RegistryAccess access, CancellationToken cancellationToken)
    {
        var config = await _client.GetConfigAsync(repository, manifest.Config!.Digest, access, cancellationToken);
        var created = CreatedFrom(manifest.Annotations) ?? CreatedFrom(config.Labels) ?? config.Created;
        PlatformImage[] platforms = IsUnknown(config.Os) || IsUnknown(config.Architecture)
            ? []
            : [new PlatformImage(config.Os, config.Architecture, config.Variant, manifest.Digest, created, manifest.Annotations)];
        return new ImageMetadata(manifest.Digest, created, manifest.Annotations, platforms);
    }

    private static DateTimeOffset? CreatedFrom(IReadOnlyDictionary<string, string> source)
    {
        foreach (var key in CreatedKeys)
        {
            if (source.TryGetValue(key, out var text) && ManifestParser.ParseTime(text) is { } created)
            {
                return created;
            }
        }
        return null;
    }

    private static bool IsUnknown(string value) => value.Length == 0 || value == "unknown";
}
