using Barge.Engine.Credentials;
using Barge.Engine.Discovery.Images;
using Barge.Engine.Registry;
using Barge.Engine.Tests.Registry;
using Barge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Barge.Engine.Tests.Discovery.Images;

public sealed partial class ImageDiscovererTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [RegistryFact]
    public async Task DiscoverAsync_EveryStrategy_AgainstRealRegistry()
    {
        using var registry = RegistryServer.StartAnonymous();
        using var pusher = new RegistryPusher(registry.Host);
        // Creation order differs from version and lexical order on purpose.
        await pusher.PushImageAsync("grommet", "v1.2.0", T0.AddHours(3));
        await pusher.PushImageAsync("grommet", "v1.10.0", T0.AddHours(1));
        await pusher.PushImageAsync("grommet", "v2.0.0-rc.1", T0.AddHours(5));
        await pusher.PushImageAsync("grommet", "v1.9.9", T0.AddHours(4), oci: false);
        await pusher.PushImageAsync("grommet", "latest", T0.AddHours(2));
        using var client = ImageDiscovererTests.NewClient();
        var discoverer = new ImageDiscoverer(client, new InMemoryImageMetadataCache(), null, NullLogger<ImageDiscoverer>.Instance);
        var repoUrl = $"{registry.Host}/grommet";

        var semver = await discoverer.DiscoverAsync(new ImageSubscriptionOptions { RepoURL = repoUrl, Constraint = "^1.0.0" }, CancellationToken.None);
        var semverAll = await discoverer.DiscoverAsync(new ImageSubscriptionOptions { RepoURL = repoUrl, DiscoveryLimit = 2 }, CancellationToken.None);
        var lexical = await discoverer.DiscoverAsync(new ImageSubscriptionOptions { RepoURL = repoUrl, ImageSelectionStrategy = "Lexical", AllowTagsRegexes = ["^v"] }, CancellationToken.None);
        var newest = await discoverer.DiscoverAsync(new ImageSubscriptionOptions { RepoURL = repoUrl, ImageSelectionStrategy = "NewestBuild", IgnoreTagsRegexes = ["-rc"] }, CancellationToken.None);
        var digest = await discoverer.DiscoverAsync(new ImageSubscriptionOptions { RepoURL = repoUrl, ImageSelectionStrategy = "Digest", Constraint = "latest" }, CancellationToken.None);

        Assert.Equal(["v1.10.0", "v1.9.9", "v1.2.0"], Tags(semver));
        Assert.Equal(["v2.0.0-rc.1", "v1.10.0"], Tags(semverAll));
        Assert.Equal(["v2.0.0-rc.1", "v1.9.9", "v1.2.0", "v1.10.0"], Tags(lexical));
        Assert.Equal(["v1.9.9", "v1.2.0", "latest", "v1.10.0"], Tags(newest));
        Assert.Equal([T0.AddHours(4), T0.AddHours(3), T0.AddHours(2), T0.AddHours(1)], newest.References.Select(r => r.CreatedAt!.Value));
        Assert.Equal(["latest"], Tags(digest));
        Assert.All(semver.References, r => Assert.True(ContentDigest.IsValid(r.Digest)));
    }

    [RegistryFact]
    public async Task DiscoverAsync_DigestStrategy_FollowsTheMutableTag()
    {
        using var registry = RegistryServer.StartAnonymous();
        using var pusher = new RegistryPusher(registry.Host);
        var first = await pusher.PushImageAsync("app", "stable", T0);
        using var client = NewClient();
        var discoverer = new ImageDiscoverer(client, new InMemoryImageMetadataCache(), null, NullLogger<ImageDiscoverer>.Instance);
        var subscription = new ImageSubscriptionOptions { RepoURL = $"{registry.Host}/app", ImageSelectionStrategy = "Digest", Constraint = "stable", CacheByTag = true };

        var before = await discoverer.DiscoverAsync(subscription, CancellationToken.None);
        var second = await pusher.PushImageAsync("app", "stable", T0.AddDays(1));
        var after = await discoverer.DiscoverAsync(subscription, CancellationToken.None);
        var missing = await discoverer.DiscoverAsync(subscription with { Constraint = "nope" }, CancellationToken.None);

        Assert.Equal(first.Digest, Assert.Single(before.References).Digest);
        Assert.Equal(second.Digest, Assert.Single(after.References).Digest);
        Assert.True(missing.Succeeded);
        Assert.Empty(missing.References);
    }

    [RegistryFact]
    public async Task DiscoverAsync_MultiArchIndex_PlatformSelectsAndDigestIsTheIndex()
    {
        using var registry = RegistryServer.StartAnonymous();
        using var pusher = new RegistryPusher(registry.Host);
        var amd = await pusher.PushImageAsync("multi", null, T0);
        var arm = await pusher.PushImageAsync("multi", null, T0.AddMinutes(5), architecture: "arm64", variant: "v8");
        var both = await pusher.PushIndexAsync("multi", "1.0.0", [amd, arm]);
        var amdOnly = await pusher.PushIndexAsync("multi", "1.1.0", [amd], oci: false);
        using var client = NewClient();
        var discoverer = new ImageDiscoverer(client, new InMemoryImageMetadataCache(), null, NullLogger<ImageDiscoverer>.Instance);
        var repoUrl = $"{registry.Host}/multi";

        var forArm = await discoverer.DiscoverAsync(new ImageSubscriptionOptions { RepoURL = repoUrl, Platform = "linux/arm64/v8" }, CancellationToken.None);
        var forAmd = await discoverer.DiscoverAsync(new ImageSubscriptionOptions { RepoURL = repoUrl, Platform = "linux/amd64" }, CancellationToken.None);
        var forS390 = await discoverer.DiscoverAsync(new ImageSubscriptionOptions { RepoURL = repoUrl, Platform = "linux/s390x" }, CancellationToken.None);
        var anyPlatform = await discoverer.DiscoverAsync(new ImageSubscriptionOptions { RepoURL = repoUrl }, CancellationToken.None);

        var armReference = Assert.Single(forArm.References);
        Assert.Equal(("1.0.0", both), (armReference.Tag, armReference.Digest));
        Assert.Equal(T0.AddMinutes(5), armReference.CreatedAt);
        Assert.Equal(["1.1.0", "1.0.0"], Tags(forAmd));
        Assert.Equal(amdOnly, forAmd.References[0].Digest);
        Assert.Empty(forS390.References);
        Assert.Equal(["1.1.0", "1.0.0"], Tags(anyPlatform));
    }

    [RegistryFact]
    public async Task DiscoverAsync_NewestBuildSecondTime_ReadsNoManifestOrBlobAgain()
    {
        using var registry = RegistryServer.StartAnonymous();
        using var pusher = new RegistryPusher(registry.Host);
        for (var i = 0; i < 30; i++)
        {
            await pusher.PushImageAsync("busy", $"build-{i:D3}", T0.AddMinutes(i));
        }
        using var client = NewClient();
        var discoverer = new ImageDiscoverer(client, new InMemoryImageMetadataCache(), null, NullLogger<ImageDiscoverer>.Instance);
        var subscription = new ImageSubscriptionOptions { RepoURL = $"{registry.Host}/busy", ImageSelectionStrategy = "NewestBuild", DiscoveryLimit = 5 };

        var first = await discoverer.DiscoverAsync(subscription, CancellationToken.None);
        var afterFirst = Snapshot(client.Counters);
        var second = await discoverer.DiscoverAsync(subscription, CancellationToken.None);
        var secondCost = Snapshot(client.Counters) - afterFirst;
        var third = await discoverer.DiscoverAsync(subscription with { CacheByTag = true }, CancellationToken.None);
        var afterThird = Snapshot(client.Counters);
        var fourth = await discoverer.DiscoverAsync(subscription with { CacheByTag = true }, CancellationToken.None);
        var fourthCost = Snapshot(client.Counters) - afterThird;

        Assert.Equal(["build-029", "build-028", "build-027", "build-026", "build-025"], Tags(first));
        Assert.Equal(Tags(first), Tags(second));
        Assert.Equal(Tags(first), Tags(fourth));
        Assert.Equal(30, afterFirst.ManifestGets);
        Assert.Equal(30, afterFirst.BlobGets);
        // Without cacheByTag a tag may have moved, so each costs one HEAD; nothing is read twice.
        Assert.Equal(new Counts(1, 0, 30, 0, 31), secondCost);
        // With cacheByTag (tags promised immutable) a discovery is the tag listing alone.
        Assert.Equal(new Counts(1, 0, 0, 0, 1), fourthCost);
        Assert.True(third.Succeeded);
    }

    [RegistryFact]
    public async Task DiscoverAsync_FileCache_SurvivesANewProcess()
    {
        using var registry = RegistryServer.StartAnonymous();
        using var pusher = new RegistryPusher(registry.Host);
        for (var i = 0; i < 5; i++)
        {
            await pusher.PushImageAsync("app", $"1.0.{i}", T0.AddMinutes(i));
        }
        using var folder = new TempDirectory("metadata-cache");
        var subscription = new ImageSubscriptionOptions { RepoURL = $"{registry.Host}/app", ImageSelectionStrategy = "NewestBuild" };
        using (var firstClient = NewClient())
        {
            var cache = new FileImageMetadataCache(folder.Path, NullLogger<FileImageMetadataCache>.Instance);
            await new ImageDiscoverer(firstClient, cache, null, NullLogger<ImageDiscoverer>.Instance).DiscoverAsync(subscription, CancellationToken.None);
        }
        using var client = NewClient();
        var reopened = new FileImageMetadataCache(folder.Path, NullLogger<FileImageMetadataCache>.Instance);

        var result = await new ImageDiscoverer(client, reopened, null, NullLogger<ImageDiscoverer>.Instance).DiscoverAsync(subscription, CancellationToken.None);

        Assert.Equal(["1.0.4", "1.0.3", "1.0.2", "1.0.1", "1.0.0"], Tags(result));
        Assert.Equal(0, client.Counters.ManifestGets);
        Assert.Equal(0, client.Counters.BlobGets);
        Assert.Equal(5, Directory.GetFiles(folder.Path, "sha256-*.json").Length);
    }

    [RegistryFact]
    public async Task DiscoverAsync_CredentialsFromSecrets_ReachPrivateRegistry()
    {
        using var storage = new TempDirectory("shared-storage");
        using var open = RegistryServer.StartAnonymous(storage.Path);
        using var guarded = RegistryServer.StartHtpasswd(storage.Path);
        using var pusher = new RegistryPusher(open.Host);
        await pusher.PushImageAsync("private/app", "3.1.4", T0);
        var secrets = new SecretCredentialProvider(
            [new SecretRecord("registry-creds", new Dictionary<string, string> { ["kargo.akuity.io/cred-type"] = "image" }, new Dictionary<string, string> { ["repoURL"] = $"{guarded.Host}/private/app", ["username"] = RegistryServer.User, ["password"] = RegistryServer.Password })],
            NullLogger<SecretCredentialProvider>.Instance);
        using var client = NewClient();

        var withSecret = await new ImageDiscoverer(client, new InMemoryImageMetadataCache(), secrets, NullLogger<ImageDiscoverer>.Instance)
            .DiscoverAsync(new ImageSubscriptionOptions { RepoURL = $"{guarded.Host}/private/app" }, CancellationToken.None);
        var withoutSecret = await new ImageDiscoverer(client, new InMemoryImageMetadataCache(), null, NullLogger<ImageDiscoverer>.Instance)
            .DiscoverAsync(new ImageSubscriptionOptions { RepoURL = $"{guarded.Host}/private/app" }, CancellationToken.None);

        Assert.Equal(["3.1.4"], Tags(withSecret));
        Assert.False(withoutSecret.Succeeded);
        Assert.Contains("no credentials were found", withoutSecret.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(RegistryServer.Password, withoutSecret.Error, StringComparison.Ordinal);
    }

    [RegistryFact]
    public async Task DiscoverAsync_NoMatchingTags_SucceedsEmpty()
    {
        using var registry = RegistryServer.StartAnonymous();
        using var pusher = new RegistryPusher(registry.Host);
        await pusher.PushImageAsync("app", "latest", T0);
        using var client = NewClient();

        var result = await new ImageDiscoverer(client, new InMemoryImageMetadataCache(), null, NullLogger<ImageDiscoverer>.Instance)
            .DiscoverAsync(new ImageSubscriptionOptions { RepoURL = $"{registry.Host}/app", Constraint = ">=1.0.0" }, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Empty(result.References);
        Assert.Equal(0, client.Counters.ManifestHeads);
    }

    private static string[] Tags(ImageDiscoveryResult result)
    {
        Assert.True(result.Succeeded, result.Error);
        return [.. result.References.Select(r => r.Tag)];
    }

    private static Counts Snapshot(RegistryRequestCounters c) => new(c.TagListPages, c.ManifestGets, c.ManifestHeads, c.BlobGets, c.Total);

    private sealed record Counts(long TagPages, long ManifestGets, long ManifestHeads, long BlobGets, long Total)
    {
        public static Counts operator -(Counts a, Counts b) =>
            new(a.TagPages - b.TagPages, a.ManifestGets - b.ManifestGets, a.ManifestHeads - b.ManifestHeads, a.BlobGets - b.BlobGets, a.Total - b.Total);
    }
}
