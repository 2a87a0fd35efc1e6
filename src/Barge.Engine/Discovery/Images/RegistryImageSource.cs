using Barge.Engine.Registry;

namespace Barge.Engine.Discovery.Images;

/// <summary>An <see cref="IImageSource"/> over a real registry, through the metadata cache.</summary>
internal sealed class RegistryImageSource(RegistryClient client, ImageMetadataReader reader, ImageRepository repository, RegistryAccess access) : IImageSource
{
    public Task<IReadOnlyList<string>> ListTagsAsync(CancellationToken cancellationToken) =>
        client.ListTagsAsync(repository, access, cancellationToken);

    public Task<ImageMetadata?> GetImageAsync(string tag, bool cacheByTag, CancellationToken cancellationToken) =>
        reader.GetByTagAsync(repository, tag, access, cacheByTag, cancellationToken);
}
