using Barge.Engine.Discovery.Images;
using Barge.Engine.Registry;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Barge.Engine.Tests.Discovery.Images;

public sealed partial class ImageDiscovererTests
{
    public static TheoryData<string, ImageSubscriptionOptions, string> InvalidRows => new()
    {
        { "deprecated allowTags", new() { RepoURL = "registry.example.com/app", AllowTags = "^v1" }, "AllowTags is deprecated and unsupported as of v1.11.0; use AllowTagsRegexes instead" },
        { "deprecated ignoreTags", new() { RepoURL = "registry.example.com/app", IgnoreTags = ["latest"] }, "IgnoreTags is deprecated and unsupported as of v1.11.0; use IgnoreTagsRegexes instead" },
        { "invalid allow regex", new() { RepoURL = "registry.example.com/app", AllowTagsRegexes = ["("] }, "allowTagsRegexes[0]: error compiling regular expression \"(\"" },
        { "invalid ignore regex", new() { RepoURL = "registry.example.com/app", IgnoreTagsRegexes = ["ok", "[z-a]"] }, "ignoreTagsRegexes[1]: error compiling regular expression" },
        { "invalid constraint", new() { RepoURL = "registry.example.com/app", Constraint = "~>>1" }, "constraint: error parsing semver constraint \"~>>1\"" },
        { "digest needs constraint", new() { RepoURL = "registry.example.com/app", ImageSelectionStrategy = "Digest" }, "constraint: required for the Digest strategy" },
        { "unknown strategy", new() { RepoURL = "registry.example.com/app", ImageSelectionStrategy = "Newest" }, "imageSelectionStrategy: unknown strategy \"Newest\"" },
        { "bad platform", new() { RepoURL = "registry.example.com/app", Platform = "linux" }, "platform: error parsing platform constraint \"linux\"" },
        { "limit too large", new() { RepoURL = "registry.example.com/app", DiscoveryLimit = 101 }, "discoveryLimit: 101 is outside 1..100" },
        { "no registry host", new() { RepoURL = "nginx" }, "names no registry host" },
        { "tag in repoURL", new() { RepoURL = "registry.example.com/app:1.0" }, "is not of the form host[:port]/path" },
    };

    [Theory]
    [MemberData(nameof(InvalidRows))]
    public async Task DiscoverAsync_InvalidSubscription_FailsWithoutRequests(string name, ImageSubscriptionOptions subscription, string expected)
    {
        Assert.NotEmpty(name);
        using var client = NewClient();
        var discoverer = new ImageDiscoverer(client, new InMemoryImageMetadataCache(), null, NullLogger<ImageDiscoverer>.Instance);

        var result = await discoverer.DiscoverAsync(subscription, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.StartsWith($"image subscription \"{subscription.RepoURL}\": ", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, client.Counters.Total);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOne()
    {
        var problems = ImageDiscoverer.Validate(
            new ImageSubscriptionOptions { RepoURL = "nginx", AllowTags = "x", AllowTagsRegexes = ["("], Platform = "x", DiscoveryLimit = 0 },
            out _,
            out var selection,
            out _);

        Assert.Equal(5, problems.Count);
        Assert.Null(selection);
    }

    [Fact]
    public void Validate_EmptyStrategy_MeansSemVer()
    {
        var problems = ImageDiscoverer.Validate(new ImageSubscriptionOptions { RepoURL = "registry.example.com/app", ImageSelectionStrategy = "" }, out _, out _, out var selector);

        Assert.Empty(problems);
        Assert.Equal(ImageSelectionStrategies.SemVer, selector!.Strategy);
    }

    private static RegistryClient NewClient(RegistryClientOptions? options = null) =>
        new(options ?? new RegistryClientOptions(), TimeProvider.System, NullLogger<RegistryClient>.Instance);
}
