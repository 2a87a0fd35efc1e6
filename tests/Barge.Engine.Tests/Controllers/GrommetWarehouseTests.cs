using Barge.Engine.Tests.Git;
using Barge.Engine.Tests.Registry;
using Barge.Resources.Identity;
using Barge.Resources.Model;
using Barge.Testing;
using Xunit;
using Barge.Testing.Grommet;

namespace Barge.Engine.Tests.Controllers;

/// <summary>
/// The grommet scenario's two Warehouses, read from the project's example pipeline with its placeholders
/// filled: one git repository (file://) and one image repository in a real docker-registry.
/// </summary>
public sealed class GrommetWarehouseTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly SourceRepo _source = new();
    private readonly Dictionary<string, string> _commitOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _digestOf = new(StringComparer.Ordinal);

    public void Dispose() => _source.Dispose();

    [RegistryFact]
    public async Task ReconcileAsync_GrommetPipeline_ExpectedFreightThenOneMorePerNewTag()
    {
        using var registry = RegistryServer.StartAnonymous();
        using var pusher = new RegistryPusher(registry.Host);
        var imageRepo = $"{registry.Host}/grommet";
        foreach (var (tag, hour) in new[] { ("v1.0.0", 1), ("dev-1", 2), ("v1.1.0", 3), ("dev-2", 4) })
        {
            _commitOf[tag] = _source.Commit("build " + tag, ($"src/{tag}.txt", tag));
            _source.Tag(tag, tag.StartsWith('v') ? "Release " + tag : null);
            _digestOf[tag] = (await pusher.PushImageAsync("grommet", tag, T0.AddHours(hour))).Digest;
        }
        await using var h = await WarehouseHarness.CreateAsync();
        await h.ApplyAsync(GrommetExample.Render(_source.FileUrl, "file:///nonexistent/config", imageRepo));

        await h.Controller.Runtime.RunUntilIdleAsync(TimeSpan.FromMilliseconds(500), CancellationToken.None);

        var freight = await h.FreightAsync("grommet");
        Assert.Equal(
            new[] { Expected("grommet-dev", "dev-2", imageRepo), Expected("grommet-release", "v1.1.0", imageRepo) }.Order(StringComparer.Ordinal),
            freight.Select(f => f.Name).Order(StringComparer.Ordinal));
        var dev = Assert.Single(freight, f => f.Origin!.Name == "grommet-dev");
        Assert.Equal("dev-2", dev.Images![0].Tag);
        Assert.Equal(_digestOf["dev-2"], dev.Images[0].Digest);
        Assert.Equal("dev-2", dev.Commits![0].Tag);

        _commitOf["dev-3"] = _source.Commit("build dev-3", ("src/dev-3.txt", "dev-3"));
        _source.Tag("dev-3");
        _digestOf["dev-3"] = (await pusher.PushImageAsync("grommet", "dev-3", T0.AddHours(5))).Digest;
        await h.SetRefreshAsync("grommet", "grommet-dev", "after-dev-3");
        await h.SetRefreshAsync("grommet", "grommet-release", "after-dev-3");
        await h.Controller.Runtime.RunUntilIdleAsync(TimeSpan.FromMilliseconds(500), CancellationToken.None);

        var after = await h.FreightAsync("grommet");
        Assert.Equal(3, after.Count);
        Assert.Contains(after, f => f.Name == Expected("grommet-dev", "dev-3", imageRepo));
        Assert.Equal(2, h.Controller.Git.Stats.Transfers);
    }

    [RegistryFact]
    public async Task ReconcileAsync_NoMatchingImageTag_NoImageReferencesDiscovered()
    {
        using var registry = RegistryServer.StartAnonymous();
        using var pusher = new RegistryPusher(registry.Host);
        _commitOf["dev-1"] = _source.Commit("build dev-1", ("a.txt", "a"));
        _source.Tag("dev-1");
        await pusher.PushImageAsync("grommet", "latest", T0);
        await using var h = await WarehouseHarness.CreateAsync();
        await h.ApplyAsync(GrommetExample.Render(_source.FileUrl, "file:///nonexistent/config", $"{registry.Host}/grommet"));

        await h.ReconcileAsync("grommet", "grommet-dev");

        var status = await h.StatusAsync("grommet", "grommet-dev");
        Assert.Equal("NoImageReferencesDiscovered", status.Condition("Healthy")!.Reason);
        Assert.Empty(await h.FreightAsync("grommet"));
    }

    [Fact]
    public async Task ReconcileAsync_UnreachableRegistry_DiscoveryFailedNamesTheImage()
    {
        _commitOf["dev-1"] = _source.Commit("build dev-1", ("a.txt", "a"));
        _source.Tag("dev-1");
        await using var h = await WarehouseHarness.CreateAsync();
        await h.ApplyAsync(GrommetExample.Render(_source.FileUrl, "file:///nonexistent/config", "127.0.0.1:9/grommet"));

        var result = await h.ReconcileAsync("grommet", "grommet-dev");

        Assert.False(result.Succeeded);
        var status = await h.StatusAsync("grommet", "grommet-dev");
        Assert.Equal("DiscoveryFailed", status.Condition("Healthy")!.Reason);
        Assert.Contains("image subscription \"127.0.0.1:9/grommet\"", status.Condition("Healthy")!.Message, StringComparison.Ordinal);
    }

    private string Expected(string warehouse, string tag, string imageRepo) => FreightId.Compute(new Freight
    {
        Origin = new FreightOrigin { Kind = "Warehouse", Name = warehouse },
        Commits = [new GitCommit { RepoURL = _source.FileUrl, Id = _commitOf[tag], Tag = tag }],
        Images = [new Image { RepoURL = imageRepo, Tag = tag, Digest = _digestOf[tag] }],
    });
}
