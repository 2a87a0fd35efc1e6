namespace Barge.Engine.Registry;

/// <summary>
/// Image metadata by key: a manifest digest (<c>sha256:…</c>), or with <c>cacheByTag</c> a
/// repository-and-tag key. Digest entries never go stale, because the content they describe
/// cannot change. Implementations are safe for concurrent use; a failing cache degrades to
/// reading the registry, it does not fail discovery.
/// </summary>
public interface IImageMetadataCache
{
    ValueTask<ImageMetadata?> GetAsync(string key, CancellationToken cancellationToken);

    ValueTask SetAsync(string key, ImageMetadata metadata, CancellationToken cancellationToken);
}
