using Barge.Engine.Credentials;
using Barge.Engine.Registry;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Barge.Engine.Tests.Registry;

public sealed partial class RegistryClientTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly RepositoryCredentials Good = new(RegistryServer.User, RegistryServer.Password);

    [RegistryFact]
    public async Task ListTagsAsync_RealRegistry_ListsEveryTag()
    {
        using var registry = RegistryServer.StartAnonymous();
        using var pusher = new RegistryPusher(registry.Host);
        var expected = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            var tag = $"1.0.{i}";
            await pusher.PushImageAsync("team/app", tag, T0.AddMinutes(i));
            expected.Add(tag);
        }
        using var client = NewClient(new RegistryClientOptions { TagPageSize = 10 });

        var tags = await client.ListTagsAsync(Repo(registry, "team/app"), RegistryAccess.Anonymous, CancellationToken.None);

        Assert.Equal(expected.Order(StringComparer.Ordinal), tags.Order(StringComparer.Ordinal));
        // distribution 2.8 (Debian's) ignores n= on tags/list and answers in one page; the Link
        // pagination path is proven against the loopback server in ListTagsAsync_LinkHeaders_*.
        Assert.Equal(client.Counters.TagListPages, client.Counters.Total);
    }

    [RegistryFact]
    public async Task GetManifestAsync_MultiArchIndex_ListsPlatformsAndVerifiesDigest()
    {
        using var registry = RegistryServer.StartAnonymous();
        using var pusher = new RegistryPusher(registry.Host);
        var amd = await pusher.PushImageAsync("app", null, T0);
        var arm = await pusher.PushImageAsync("app", null, T0.AddHours(1), architecture: "arm64", variant: "v8");
        var indexDigest = await pusher.PushIndexAsync("app", "1.0.0", [amd, arm], oci: false);
        using var client = NewClient();

        var index = await client.GetManifestAsync(Repo(registry, "app"), "1.0.0", RegistryAccess.Anonymous, CancellationToken.None);

        Assert.NotNull(index);
        Assert.True(index.IsIndex);
        Assert.Equal(indexDigest, index.Digest);
        Assert.Equal(["linux/amd64", "linux/arm64/v8"], index.Manifests.Select(m => m.Platform!.ToString()));
        Assert.Equal(indexDigest, await client.ResolveDigestAsync(Repo(registry, "app"), "1.0.0", RegistryAccess.Anonymous, CancellationToken.None));
    }

    [RegistryFact]
    public async Task ImageMetadataReader_IndexCreatedAt_IsNewestOfItsImages()
    {
        using var registry = RegistryServer.StartAnonymous();
        using var pusher = new RegistryPusher(registry.Host);
        var amd = await pusher.PushImageAsync("app", null, T0);
        var arm = await pusher.PushImageAsync("app", null, T0.AddHours(2), architecture: "arm64");
        await pusher.PushIndexAsync("app", "multi", [amd, arm], annotations: new Dictionary<string, string> { ["team"] = "grommet" });
        using var client = NewClient();
        var reader = new ImageMetadataReader(client, new InMemoryImageMetadataCache());

        var image = await reader.GetByTagAsync(Repo(registry, "app"), "multi", RegistryAccess.Anonymous, cacheByTag: false, CancellationToken.None);

        Assert.NotNull(image);
        Assert.Equal(T0.AddHours(2), image.CreatedAt);
        Assert.Equal("grommet", image.Annotations["team"]);
        Assert.Equal(2, image.Platforms.Count);
        Assert.Null(await reader.GetByTagAsync(Repo(registry, "app"), "absent", RegistryAccess.Anonymous, false, CancellationToken.None));
    }

    [RegistryFact]
    public async Task ImageMetadataReader_CreatedAnnotation_WinsOverConfigTime()
    {
        using var registry = RegistryServer.StartAnonymous();
        using var pusher = new RegistryPusher(registry.Host);
        await pusher.PushImageAsync("app", "annotated", T0, annotations: new Dictionary<string, string> { ["org.opencontainers.image.created"] = "2030-01-02T03:04:05Z" });
        using var client = NewClient();
        var reader = new ImageMetadataReader(client, new InMemoryImageMetadataCache());

        var image = await reader.GetByTagAsync(Repo(registry, "app"), "annotated", RegistryAccess.Anonymous, false, CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), image!.CreatedAt);
    }

    [RegistryFact]
    public async Task ListTagsAsync_BasicAuthWithCredentials_Succeeds()
    {
        using var registry = RegistryServer.StartHtpasswd();
        using var pusher = new RegistryPusher(registry.Host, withCredentials: true);
        await pusher.PushImageAsync("private/app", "1.0.0", T0);
        using var client = NewClient();

        var first = await client.ListTagsAsync(Repo(registry, "private/app"), new RegistryAccess(Good), CancellationToken.None);
        var before = client.Counters.Total;
        var second = await client.ListTagsAsync(Repo(registry, "private/app"), new RegistryAccess(Good), CancellationToken.None);

        Assert.Equal(["1.0.0"], first);
        Assert.Equal(["1.0.0"], second);
        Assert.Equal(1, client.Counters.Total - before); // the learned challenge pre-authorises: no second 401
    }

    [RegistryFact]
    public async Task ListTagsAsync_BasicAuthWithoutCredentials_SaysCredentialsAreMissing()
    {
        using var registry = RegistryServer.StartHtpasswd();
        using var client = NewClient();

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(Repo(registry, "private/app"), RegistryAccess.Anonymous, CancellationToken.None));

        Assert.Contains("requires authentication and no credentials were found", error.Message, StringComparison.Ordinal);
    }

    [RegistryFact]
    public async Task ListTagsAsync_BasicAuthWrongPassword_RejectedWithoutLeakingIt()
    {
        using var registry = RegistryServer.StartHtpasswd();
        using var client = NewClient();
        const string wrong = "not-the-password-123";

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(Repo(registry, "private/app"), new RegistryAccess(new RepositoryCredentials(RegistryServer.User, wrong)), CancellationToken.None));

        Assert.Contains("rejected the credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
    }

    [RegistryFact]
    public async Task ListTagsAsync_TokenAuth_OneTokenServesManyRequests()
    {
        await using var tokens = new TokenServer();
        using var registry = RegistryServer.StartToken(tokens);
        using var pusher = new RegistryPusher(registry.Host, withCredentials: true);
        await pusher.PushImageAsync("secure/app", "2.0.0", T0);
        var issuedForPush = tokens.TokensIssued;
        using var client = NewClient();
        var repository = Repo(registry, "secure/app");

        var tags = await client.ListTagsAsync(repository, new RegistryAccess(Good), CancellationToken.None);
        var manifest = await client.GetManifestAsync(repository, "2.0.0", new RegistryAccess(Good), CancellationToken.None);
        await client.ListTagsAsync(repository, new RegistryAccess(Good), CancellationToken.None);

        Assert.Equal(["2.0.0"], tags);
        Assert.NotNull(manifest);
        Assert.Equal(1, tokens.TokensIssued - issuedForPush);
        Assert.Equal(1, client.Counters.TokenRequests);
    }

    [RegistryFact]
    public async Task ListTagsAsync_TokenAuthWrongPassword_TokenServerRejects()
    {
        await using var tokens = new TokenServer();
        using var registry = RegistryServer.StartToken(tokens);
        using var client = NewClient();

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(Repo(registry, "secure/app"), new RegistryAccess(new RepositoryCredentials("barge", "wrong-one")), CancellationToken.None));

        Assert.Contains("token server", error.Message, StringComparison.Ordinal);
        Assert.Contains("credentials were rejected", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-one", error.ToString(), StringComparison.Ordinal);
    }

    internal static ImageRepository Repo(RegistryServer registry, string path) => new(registry.Host, path, PlainHttp: true);

    internal static RegistryClient NewClient(RegistryClientOptions? options = null) =>
        new(options ?? new RegistryClientOptions(), TimeProvider.System, NullLogger<RegistryClient>.Instance);
}
