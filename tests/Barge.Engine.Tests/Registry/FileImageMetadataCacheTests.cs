using Barge.Engine.Registry;
using Barge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Barge.Engine.Tests.Registry;

public sealed class FileImageMetadataCacheTests
{
    private static readonly ImageMetadata Sample = new(
        "sha256:" + new string('c', 64),
        new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero),
        new Dictionary<string, string> { ["a"] = "b" },
        [new PlatformImage("linux", "arm64", "v8", "sha256:" + new string('d', 64), null, new Dictionary<string, string>())]);

    [Fact]
    public async Task SetAsync_ThenNewInstance_ReadsTheSameMetadata()
    {
        using var folder = new TempDirectory("cache");
        await new FileImageMetadataCache(folder.Path, NullLogger<FileImageMetadataCache>.Instance).SetAsync(Sample.Digest, Sample, CancellationToken.None);
        await new FileImageMetadataCache(folder.Path, NullLogger<FileImageMetadataCache>.Instance).SetAsync("tag:registry.example.com/app:1.0", Sample, CancellationToken.None);

        var reopened = new FileImageMetadataCache(folder.Path, NullLogger<FileImageMetadataCache>.Instance);
        var byDigest = await reopened.GetAsync(Sample.Digest, CancellationToken.None);
        var byTag = await reopened.GetAsync("tag:registry.example.com/app:1.0", CancellationToken.None);

        Assert.NotNull(byDigest);
        Assert.Equal(Sample.CreatedAt, byDigest.CreatedAt);
        Assert.Equal("b", byDigest.Annotations["a"]);
        Assert.Equal("linux/arm64/v8", $"{byDigest.Platforms[0].Os}/{byDigest.Platforms[0].Architecture}/{byDigest.Platforms[0].Variant}");
        Assert.Equal(Sample.Digest, byTag!.Digest);
        Assert.True(File.Exists(Path.Combine(folder.Path, "sha256-" + new string('c', 64) + ".json")));
    }

    [Fact]
    public async Task GetAsync_CorruptFile_IsAMiss()
    {
        using var folder = new TempDirectory("cache");
        File.WriteAllText(Path.Combine(folder.Path, "sha256-" + new string('c', 64) + ".json"), "{ not json");

        var cache = new FileImageMetadataCache(folder.Path, NullLogger<FileImageMetadataCache>.Instance);

        Assert.Null(await cache.GetAsync(Sample.Digest, CancellationToken.None));
    }
}
