using System.Text;
using Barge.Engine.Credentials;
using Barge.Engine.Discovery.Charts;
using Barge.Engine.Helm;
using Barge.Engine.Registry;
using Barge.Engine.Tests.Registry;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Barge.Engine.Tests.Discovery.Charts;

public sealed class ChartDiscovererTests
{
    private const string Index = """
        apiVersion: v1
        entries:
          grommet:
            - version: 0.9.0
            - version: 1.0.0
            - version: 1.2.0-rc.1
            - version: 1.1.0
            - version: not-a-version
        """;

    [Fact]
    public async Task DiscoverAsync_ClassicRepositoryWithBasicAuth_NewestFirst()
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("chart-user:chart-pass"));
        await using var server = new LoopbackHttpServer(context =>
            context.Request.Headers["Authorization"] == expected && context.Request.Url!.AbsolutePath == "/charts/index.yaml"
                ? LoopbackHttpServer.WriteAsync(context.Response, 200, Index, "application/x-yaml")
                : LoopbackHttpServer.WriteAsync(context.Response, 401, "denied", "text/plain"));
        using var index = new HelmIndexClient(new HelmIndexClientOptions());
        using var registry = NewRegistryClient();
        var secrets = new SecretCredentialProvider(
            [new SecretRecord("charts", new Dictionary<string, string> { ["kargo.akuity.io/cred-type"] = "helm" }, new Dictionary<string, string> { ["repoURL"] = $"http://{server.Authority}/charts", ["username"] = "chart-user", ["password"] = "chart-pass" })],
            NullLogger<SecretCredentialProvider>.Instance,
            allowCredentialsOverHttp: true);
        var discoverer = new ChartDiscoverer(index, registry, secrets, NullLogger<ChartDiscoverer>.Instance);
        var subscription = new ChartSubscriptionOptions { RepoURL = $"http://{server.Authority}/charts", Name = "grommet" };

        var all = await discoverer.DiscoverAsync(subscription, CancellationToken.None);
        var constrained = await discoverer.DiscoverAsync(subscription with { SemverConstraint = "^1.0.0", DiscoveryLimit = 1 }, CancellationToken.None);
        var missingChart = await discoverer.DiscoverAsync(subscription with { Name = "widget" }, CancellationToken.None);
        var anonymous = await new ChartDiscoverer(index, registry, null, NullLogger<ChartDiscoverer>.Instance).DiscoverAsync(subscription, CancellationToken.None);

        Assert.True(all.Succeeded, all.Error);
        Assert.Equal(["1.2.0-rc.1", "1.1.0", "1.0.0", "0.9.0"], all.Versions);
        Assert.Equal(["1.1.0"], constrained.Versions);
        Assert.Contains("no chart named \"widget\"", missingChart.Error, StringComparison.Ordinal);
        Assert.Contains("authentication required", anonymous.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscoverAsync_IndexOverTheCap_ClearError()
    {
        var big = "apiVersion: v1\nentries:\n  grommet:\n" + string.Concat(Enumerable.Range(0, 40_000).Select(i => $"    - version: 1.0.{i}\n"));
        await using var server = new LoopbackHttpServer(context => LoopbackHttpServer.WriteAsync(context.Response, 200, big, "application/x-yaml"));
        using var index = new HelmIndexClient(new HelmIndexClientOptions { MaxIndexBytes = 64 * 1024 });
        using var registry = NewRegistryClient();

        var result = await new ChartDiscoverer(index, registry, null, NullLogger<ChartDiscoverer>.Instance)
            .DiscoverAsync(new ChartSubscriptionOptions { RepoURL = $"http://{server.Authority}", Name = "grommet" }, CancellationToken.None);

        Assert.Contains("limit of 65536", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("classic without name", "https://charts.example.com", null, "name: required for a classic")]
    [InlineData("oci with name", "oci://registry.example.com/charts/grommet", "grommet", "name: must be empty for an OCI repository")]
    [InlineData("bad scheme", "ftp://charts.example.com", "x", "neither an http(s):// nor an oci:// URL")]
    public async Task DiscoverAsync_InvalidSubscription_Fails(string name, string repoUrl, string? chart, string expected)
    {
        Assert.NotEmpty(name);
        using var index = new HelmIndexClient(new HelmIndexClientOptions());
        using var registry = NewRegistryClient();

        var result = await new ChartDiscoverer(index, registry, null, NullLogger<ChartDiscoverer>.Instance)
            .DiscoverAsync(new ChartSubscriptionOptions { RepoURL = repoUrl, Name = chart, SemverConstraint = "^^1" }, CancellationToken.None);

        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Contains("semverConstraint: error parsing semver constraint", result.Error, StringComparison.Ordinal);
    }

    [RegistryFact]
    public async Task DiscoverAsync_OciChartInRealRegistry_TagsRewrittenAndStrict()
    {
        using var server = RegistryServer.StartAnonymous();
        using var pusher = new RegistryPusher(server.Host);
        foreach (var tag in new[] { "0.1.0", "0.2.0_build.7", "v0.3.0", "0.3.0-rc.1", "latest" })
        {
            await pusher.PushChartAsync("charts/grommet", tag);
        }
        using var index = new HelmIndexClient(new HelmIndexClientOptions());
        using var registry = NewRegistryClient();

        var result = await new ChartDiscoverer(index, registry, null, NullLogger<ChartDiscoverer>.Instance)
            .DiscoverAsync(new ChartSubscriptionOptions { RepoURL = $"oci://{server.Host}/charts/grommet" }, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["0.3.0-rc.1", "0.2.0+build.7", "0.1.0"], result.Versions);
    }

    private static RegistryClient NewRegistryClient() => new(new RegistryClientOptions(), TimeProvider.System, NullLogger<RegistryClient>.Instance);
}
