using Barge.Engine.Controllers;
using Barge.Engine.Tests.Git;
using Barge.Resources.Identity;
using Barge.Resources.Model;
using Barge.Storage;
using Barge.Storage.Events;
using Xunit;

namespace Barge.Engine.Tests.Controllers;

/// <summary>The Warehouse reconciler against real git repositories (file://, git daemon) and a real SQLite store.</summary>
public sealed class WarehouseReconcilerTests : IDisposable
{
    private readonly SourceRepo _source = new();
    private readonly Dictionary<string, string> _commitOf = new(StringComparer.Ordinal);

    public WarehouseReconcilerTests()
    {
        Build("v1.0.0", "feat: first release", annotated: true);
        Build("dev-1", "build dev-1");
        Build("dev-2", "build dev-2");
        Build("v1.1.0", "feat: second release", annotated: true);
        Build("dev-3", "build dev-3");
    }

    public void Dispose() => _source.Dispose();

    [Fact]
    public async Task ReconcileAsync_GrommetGitWarehouses_CreateFreightWithExpectedIds()
    {
        await using var h = await WarehouseHarness.CreateAsync();
        await h.ApplyAsync(Manifests(_source.FileUrl));

        Assert.True((await h.ReconcileAsync("grommet", "grommet-dev")).Succeeded);
        Assert.True((await h.ReconcileAsync("grommet", "grommet-release")).Succeeded);

        var dev = await h.StatusAsync("grommet", "grommet-dev");
        var release = await h.StatusAsync("grommet", "grommet-release");
        Assert.Equal(["dev-3", "dev-2", "dev-1"], dev.DiscoveredArtifacts!.Git![0].Commits!.Select(c => c.Tag));
        Assert.Equal(["v1.1.0", "v1.0.0"], release.DiscoveredArtifacts!.Git![0].Commits!.Select(c => c.Tag));
        Assert.Equal(ExpectedId("grommet-dev", "dev-3"), dev.LastFreightID);
        Assert.Equal(ExpectedId("grommet-release", "v1.1.0"), release.LastFreightID);
        Assert.Equal("True", dev.Condition("Ready")!.Status);
        Assert.Equal("True", dev.Condition("Healthy")!.Status);
        Assert.Equal("NewFreight", dev.Condition("FreightCreated")!.Reason);
        Assert.Equal(1, dev.ObservedGeneration);

        var freight = await h.FreightAsync("grommet");
        Assert.Equal(2, freight.Count);
        var devFreight = Assert.Single(freight, f => f.Origin!.Name == "grommet-dev");
        Assert.Equal(ExpectedId("grommet-dev", "dev-3"), devFreight.Name);
        Assert.Equal(FreightId.Compute(devFreight), devFreight.Name);
        Assert.Equal("Warehouse", devFreight.Origin!.Kind);
        Assert.Equal("build dev-3", devFreight.Commits![0].Message);
        Assert.Equal(_commitOf["dev-3"], devFreight.Commits[0].Id);
        Assert.Equal(dev.DiscoveredArtifacts.DiscoveredAt, devFreight.DiscoveredAt);
        Assert.False(string.IsNullOrEmpty(devFreight.Alias));
        Assert.Equal(devFreight.Alias, devFreight.Metadata.Labels![KargoApi.AliasLabel]);
        Assert.NotEqual(devFreight.Alias, Assert.Single(freight, f => f.Origin!.Name == "grommet-release").Alias);

        var events = await h.Store.QueryEventsAsync(new EventQuery());
        Assert.Equal(2, events.Items.Count(e => e.Entry.Type == "FreightCreated"));
    }

    [Fact]
    public async Task ReconcileAsync_NewTagThenRefresh_ExactlyOneNewFreight()
    {
        await using var h = await WarehouseHarness.CreateAsync();
        await h.ApplyAsync(Manifests(_source.FileUrl));
        await h.ReconcileAsync("grommet", "grommet-dev");
        var unchanged = await h.ReconcileAsync("grommet", "grommet-dev");
        Assert.NotNull(unchanged.RequeueAfter);
        Assert.Single(await h.FreightAsync("grommet"));

        Build("dev-4", "build dev-4");
        await h.SetRefreshAsync("grommet", "grommet-dev", "r1");
        await h.ReconcileAsync("grommet", "grommet-dev");
        await h.SetRefreshAsync("grommet", "grommet-dev", "r2");
        await h.ReconcileAsync("grommet", "grommet-dev");

        var freight = await h.FreightAsync("grommet");
        Assert.Equal(2, freight.Count);
        Assert.Contains(freight, f => f.Name == ExpectedId("grommet-dev", "dev-4"));
        var status = await h.StatusAsync("grommet", "grommet-dev");
        Assert.Equal("r2", status.LastHandledRefresh);
        Assert.Equal(ExpectedId("grommet-dev", "dev-4"), status.LastFreightID);
        // The second refresh found nothing new: the existing Freight is not an error.
        Assert.Equal("AlreadyExists", status.Condition("FreightCreated")!.Reason);
        Assert.Equal("True", status.Condition("Ready")!.Status);
    }

    [Fact]
    public async Task ReconcileAsync_SmartHttpWithBasicAuth_UsesStoredCredentials()
    {
        using var server = Barge.Engine.Git.GitHttpServer.Start(Path.GetDirectoryName(_source.Path)!, new Barge.Engine.Git.GitHttpServerOptions(AllowPush: true, new Barge.Engine.Git.GitHttpAccount("bot", "hunter2-secret")));
        await using var h = await WarehouseHarness.CreateAsync();
        var url = server.UrlOf(_source.Path);
        await h.ApplyAsync(Manifests(url) + Credentials(url, "hunter2-secret"));

        Assert.True((await h.ReconcileAsync("grommet", "grommet-release")).Succeeded);

        var freight = Assert.Single(await h.FreightAsync("grommet"));
        Assert.Equal(ExpectedId("grommet-release", "v1.1.0", url), freight.Name);
        var secret = await h.Store.GetAsync(new ResourceKey("Secret", "grommet", "source-creds"));
        Assert.DoesNotContain("hunter2", secret!.Spec.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String("hunter2-secret"u8.ToArray()), secret.Spec.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReconcileAsync_SmartHttpWrongPassword_FailsWithoutLeakingThenRecovers()
    {
        using var server = Barge.Engine.Git.GitHttpServer.Start(Path.GetDirectoryName(_source.Path)!, new Barge.Engine.Git.GitHttpServerOptions(AllowPush: true, new Barge.Engine.Git.GitHttpAccount("bot", "hunter2-secret")));
        await using var h = await WarehouseHarness.CreateAsync();
        var url = server.UrlOf(_source.Path);
        await h.ApplyAsync(Manifests(url) + Credentials(url, "wrong-pa55word"));

        var failed = await h.ReconcileAsync("grommet", "grommet-release");

        Assert.False(failed.Succeeded);
        var status = await h.StatusAsync("grommet", "grommet-release");
        Assert.Equal("DiscoveryFailed", status.Condition("Healthy")!.Reason);
        Assert.Contains(url, status.Condition("Healthy")!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pa55word", status.Condition("Healthy")!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pa55word", failed.Error, StringComparison.Ordinal);

        await h.ApplyAsync(Manifests(url) + Credentials(url, "hunter2-secret"));
        Assert.True((await h.ReconcileAsync("grommet", "grommet-release")).Succeeded);
        Assert.Single(await h.FreightAsync("grommet"));
    }

    [Fact]
    public async Task ReconcileAsync_ManualPolicy_DiscoversButCreatesNoFreight()
    {
        await using var h = await WarehouseHarness.CreateAsync();
        await h.ApplyAsync(Manifests(_source.FileUrl, extra: "  freightCreationPolicy: Manual\n"));

        await h.ReconcileAsync("grommet", "grommet-dev");

        Assert.Empty(await h.FreightAsync("grommet"));
        var status = await h.StatusAsync("grommet", "grommet-dev");
        Assert.Equal("dev-3", status.DiscoveredArtifacts!.Git![0].Commits![0].Tag);
        Assert.Null(status.LastFreightID);
    }

    [Theory]
    [InlineData("false", 0)]
    [InlineData("\"false\"", 0)]
    [InlineData("commitFrom(\"@URL@\").Tag == \"dev-3\"", 1)]
    [InlineData("commitFrom(\"@URL@\").Tag == \"dev-2\"", 0)]
    public async Task ReconcileAsync_FreightCreationCriteria_DecidesCreation(string expression, int expected)
    {
        await using var h = await WarehouseHarness.CreateAsync();
        var criteria = $"  freightCreationCriteria:\n    expression: '{expression.Replace("@URL@", _source.FileUrl, StringComparison.Ordinal)}'\n";
        await h.ApplyAsync(Manifests(_source.FileUrl, extra: criteria));

        await h.ReconcileAsync("grommet", "grommet-dev");

        Assert.Equal(expected, (await h.FreightAsync("grommet")).Count);
        var status = await h.StatusAsync("grommet", "grommet-dev");
        Assert.Equal(expected == 0 ? "False" : null, status.Condition("FreightCreationCriteriaSatisfied")?.Status);
    }

    [Fact]
    public async Task ReconcileAsync_CriteriaNotABool_CriteriaEvaluationFailed()
    {
        await using var h = await WarehouseHarness.CreateAsync();
        await h.ApplyAsync(Manifests(_source.FileUrl, extra: "  freightCreationCriteria:\n    expression: '1 + 1'\n"));

        var result = await h.ReconcileAsync("grommet", "grommet-dev");

        Assert.True(result.Succeeded);
        var status = await h.StatusAsync("grommet", "grommet-dev");
        Assert.Equal("CriteriaEvaluationFailed", status.Condition("Healthy")!.Reason);
        Assert.Empty(await h.FreightAsync("grommet"));
    }

    [Fact]
    public async Task ReconcileAsync_ExpressionFilter_KeepsOnlyMatchingTags()
    {
        await using var h = await WarehouseHarness.CreateAsync();
        await h.ApplyAsync(Manifests(_source.FileUrl, devFilter: "      expressionFilter: 'tag != \"dev-3\" && subject startsWith \"build\"'\n"));

        await h.ReconcileAsync("grommet", "grommet-dev");

        var status = await h.StatusAsync("grommet", "grommet-dev");
        Assert.Equal(["dev-2", "dev-1"], status.DiscoveredArtifacts!.Git![0].Commits!.Select(c => c.Tag));
        Assert.Equal(ExpectedId("grommet-dev", "dev-2"), status.LastFreightID);
    }

    [Fact]
    public async Task ReconcileAsync_UnreachableRepoThenRecovers_KeepsDiscoveredAndReportsClearly()
    {
        await using var h = await WarehouseHarness.CreateAsync();
        await h.ApplyAsync(Manifests(_source.FileUrl));
        await h.ReconcileAsync("grommet", "grommet-dev");
        var before = await h.StatusAsync("grommet", "grommet-dev");
        var missing = new Uri(Path.Combine(Path.GetDirectoryName(_source.Path)!, "gone")).AbsoluteUri;
        await h.ApplyAsync(Manifests(missing));

        var failed = await h.ReconcileAsync("grommet", "grommet-dev");

        Assert.False(failed.Succeeded);
        var status = await h.StatusAsync("grommet", "grommet-dev");
        Assert.Equal("False", status.Condition("Healthy")!.Status);
        Assert.Equal("DiscoveryFailed", status.Condition("Ready")!.Reason);
        Assert.Contains($"git subscription \"{missing}\"", status.Condition("Healthy")!.Message, StringComparison.Ordinal);
        Assert.Equal(before.DiscoveredArtifacts!.Git![0].Commits!.Select(c => c.Id), status.DiscoveredArtifacts!.Git![0].Commits!.Select(c => c.Id));
        Assert.Equal(before.LastFreightID, status.LastFreightID);

        await h.ApplyAsync(Manifests(_source.FileUrl));
        Assert.True((await h.ReconcileAsync("grommet", "grommet-dev")).Succeeded);
        Assert.Equal("True", (await h.StatusAsync("grommet", "grommet-dev")).Condition("Healthy")!.Status);
    }

    [Theory]
    [InlineData("allowTagsRegexes", "^nothing-matches", "NoCommitsDiscovered", "no commits discovered")]
    [InlineData("allowTagsRegexes", "(unclosed", "DiscoveryFailed", "allowTagsRegexes[0]: error compiling regular expression")]
    [InlineData("semverConstraint", ">>1", "DiscoveryFailed", "semverConstraint: error parsing semver constraint")]
    public async Task ReconcileAsync_BadSelection_ClearConditionNothingLost(string field, string value, string reason, string message)
    {
        await using var h = await WarehouseHarness.CreateAsync();
        await h.ApplyAsync(Manifests(_source.FileUrl));
        await h.ReconcileAsync("grommet", "grommet-release");
        var before = await h.StatusAsync("grommet", "grommet-release");

        // Apply's validation refuses bad regexes and constraints; a store written another way still
        // must not break the controller.
        await h.PatchSpecAsync("grommet", "grommet-release", spec =>
            spec["subscriptions"]![0]!["git"]![field] = field == "allowTagsRegexes" ? new System.Text.Json.Nodes.JsonArray(value) : value);
        await h.ReconcileAsync("grommet", "grommet-release");

        var status = await h.StatusAsync("grommet", "grommet-release");
        Assert.Equal(reason, status.Condition("Healthy")!.Reason);
        Assert.Contains(message, status.Condition("Healthy")!.Message, StringComparison.Ordinal);
        Assert.Equal("False", status.Condition("Ready")!.Status);
        Assert.Equal(before.DiscoveredArtifacts!.Git![0].Commits!.Select(c => c.Id), status.DiscoveredArtifacts!.Git![0].Commits!.Select(c => c.Id));
        Assert.Single(await h.FreightAsync("grommet"));
    }

    [Fact]
    public async Task RunUntilIdleAsync_TwoWarehouses_BothDiscoveredThenIdle()
    {
        await using var h = await WarehouseHarness.CreateAsync();
        await h.ApplyAsync(Manifests(_source.FileUrl));

        var count = await h.Controller.Runtime.RunUntilIdleAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None);

        Assert.True(count >= 2, $"{count} reconciles");
        Assert.Equal(2, (await h.FreightAsync("grommet")).Count);
        Assert.Equal(1, h.Controller.Git.Stats.Transfers);
        // Both Warehouses use tag strategies on one repository: its tags are listed once.
        Assert.Equal(1, h.Controller.Git.Stats.Count("for-each-ref"));
    }

    [Fact]
    public async Task RunUntilIdleAsync_SpecChange_RediscoversWithNewGeneration()
    {
        await using var h = await WarehouseHarness.CreateAsync();
        await h.ApplyAsync(Manifests(_source.FileUrl));
        await h.Controller.Runtime.RunUntilIdleAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None);

        await h.ApplyAsync(Manifests(_source.FileUrl, releaseSelection: "semverConstraint: '<1.1.0'"));
        await h.Controller.Runtime.RunUntilIdleAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None);

        var status = await h.StatusAsync("grommet", "grommet-release");
        Assert.Equal(2, status.ObservedGeneration);
        Assert.Equal(ExpectedId("grommet-release", "v1.0.0"), status.LastFreightID);
        Assert.Equal(3, (await h.FreightAsync("grommet")).Count);
    }

    private string ExpectedId(string warehouse, string tag, string? url = null) => FreightId.Compute(new Freight
    {
        Origin = new FreightOrigin { Kind = "Warehouse", Name = warehouse },
        Commits = [new GitCommit { RepoURL = url ?? _source.FileUrl, Id = _commitOf[tag], Tag = tag }],
    });

    private void Build(string tag, string subject, bool annotated = false)
    {
        _commitOf[tag] = _source.Commit(subject, ($"src/{tag}.txt", tag));
        _source.Tag(tag, annotated ? "Release " + tag : null);
    }

    private static string Credentials(string url, string password) => $"""

        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: source-creds
          namespace: grommet
          labels:
            kargo.akuity.io/cred-type: git
        stringData:
          repoURL: "{url}"
          username: bot
          password: "{password}"
        """;

    private static string Manifests(string url, string extra = "", string devFilter = "", string releaseSelection = "") => $"""
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Project
        metadata:
          name: grommet
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: grommet-dev
          namespace: grommet
        spec:
          interval: 1m0s
        {extra}  subscriptions:
          - git:
              repoURL: "{url}"
              commitSelectionStrategy: NewestTag
              allowTagsRegexes:
              - ^dev
        {devFilter}---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: grommet-release
          namespace: grommet
        spec:
          interval: 1m0s
          subscriptions:
          - git:
              repoURL: "{url}"
              commitSelectionStrategy: SemVer
              {releaseSelection}
        """;
}
