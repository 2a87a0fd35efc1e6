using Barge.Engine.Discovery.Images;
using Barge.Engine.Registry;

namespace Barge.Engine.Tests.Discovery.Images;

/// <summary>An in-memory registry repository for selector tests: tags mapped to image metadata, with read counts.</summary>
internal sealed class FakeImageSource : IImageSource
{
    private readonly Dictionary<string, ImageMetadata> _images = new(StringComparer.Ordinal);
    private readonly List<string> _tags = [];
    private int _reads;

    public int ImageReads => _reads;

    public FakeImageSource Add(string tag, DateTimeOffset? created = null, params ImagePlatform[] platforms)
    {
        var digest = ContentDigest.Sha256(System.Text.Encoding.UTF8.GetBytes(tag));
        var images = platforms.Length == 0 ? [new ImagePlatform("linux", "amd64")] : platforms;
        _images[tag] = new ImageMetadata(
            digest,
            created,
            new Dictionary<string, string> { ["tag"] = tag },
            [.. images.Select(p => new PlatformImage(p.Os, p.Architecture, p.Variant, digest, created, new Dictionary<string, string>()))]);
        _tags.Add(tag);
        return this;
    }

    public FakeImageSource AddTagWithoutImage(string tag)
    {
        _tags.Add(tag);
        return this;
    }

    public Task<IReadOnlyList<string>> ListTagsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>(_tags);

    public Task<ImageMetadata?> GetImageAsync(string tag, bool cacheByTag, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult(_images.TryGetValue(tag, out var image) ? image : null);
    }
}
