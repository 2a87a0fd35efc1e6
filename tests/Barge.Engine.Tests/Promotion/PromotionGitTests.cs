using System.Text.Json.Nodes;
using Barge.Engine.Promotion;
using Barge.Engine.Tests.Git;
using Barge.Engine.Tests.Promotion.Steps.Git;
using Barge.Resources.Model;
using Xunit;
using static Barge.Engine.Tests.Promotion.PromotionScenario;

namespace Barge.Engine.Tests.Promotion;

/// <summary>The engine with the real git steps against a bare remote: push, no duplicate push on resume, dry-run diff.</summary>
public sealed class PromotionGitTests
{
    private static PromotionStep[] Steps(string remoteUrl) =>
    [
        new() { Uses = "git-clone", As = "clone", Config = JsonNode.Parse($$"""{"repoURL":"{{remoteUrl}}","checkout":[{"branch":"main","path":"./out"}]}""") },
        new()
        {
            Uses = "yaml-update", As = "update",
            Config = JsonNode.Parse("""{"path":"./out/env/dev/values.yaml","updates":[{"key":"image.tag","value":"${{ imageFrom('registry.example.com/grommet', warehouse(ctx.targetFreight.origin.name)).Tag }}"}]}"""),
        },
        new() { Uses = "git-commit", As = "commit", Config = JsonNode.Parse("""{"path":"./out","message":"Release ${{ ctx.targetFreight.images[0].Tag }} from ${{ ctx.targetFreight.origin.name }}"}""") },
        new() { Uses = "git-push", As = "push", Config = JsonNode.Parse("""{"path":"./out","targetBranch":"main"}""") },
    ];

    [Fact]
    public async Task Run_CloneUpdateCommitPush_RemoteHasReleaseCommit()
    {
        using var remote = new GitRemote();
        await using var fixture = await EngineFixture.CreateAsync();
        await SetUpAsync(fixture, Stage(Steps(remote.FileUrl), origins: ["release", "dev"]));
        var name = await CreateAsync(fixture);
        var outcome = await fixture.Engine(EngineFixture.Registry()).RunToCompletionAsync("p", name);
        Assert.True(outcome.Phase == PromotionPhase.Succeeded, outcome.Message);
        Assert.Equal("Release v1.4.0 from release", remote.Subjects()[0]);
        Assert.Equal("image:\n  tag: v1.4.0 # pinned\n", remote.Show("main:env/dev/values.yaml"));
        Assert.Equal(remote.Head(), outcome.Status.State!["push"]!["commit"]!.GetValue<string>());
    }

    [Fact]
    public async Task DryRun_CloneUpdateCommitPush_DiffReportedAndNothingPushedOrStored()
    {
        using var remote = new GitRemote();
        var before = remote.Head();
        await using var fixture = await EngineFixture.CreateAsync();
        await SetUpAsync(fixture, Stage(Steps(remote.FileUrl), origins: ["release", "dev"]));
        var report = await fixture.Engine(EngineFixture.Registry()).DryRunAsync(new PromotionRequest("p", "dev") { Freight = DevFreight });
        Assert.Equal(PromotionPhase.Succeeded, report.Outcome!.Phase);
        Assert.Equal(Barge.Resources.Model.StepStatus.Skipped, report.Outcome.Status.StepExecutionMetadata![3].Status);
        var diff = Assert.Single(report.Diffs);
        Assert.Contains("-  tag: 1.0.0 # pinned\n+  tag: dev-42 # pinned", diff.Diff, StringComparison.Ordinal);
        Assert.Equal(before, remote.Head());
        Assert.Empty((await fixture.Store.ListAsync(Barge.Storage.ResourceQuery.OfKind("Promotion", "p"))).Items);
        Assert.Empty(Directory.GetDirectories(fixture.WorkRoot));
    }

    [Fact]
    public async Task RunOnce_RestartAfterPush_PushNotRepeated()
    {
        using var remote = new GitRemote();
        await using var fixture = await EngineFixture.CreateAsync();
        var wait = new PromotionStep { Uses = "scripted", As = "wait", Config = JsonNode.Parse("""{"id":"wait","status":"Running"}""") };
        await SetUpAsync(fixture, Stage([.. Steps(remote.FileUrl), wait], origins: ["release", "dev"]));
        var name = await CreateAsync(fixture);
        var first = await fixture.Engine(EngineFixture.Registry(new ScriptedStep(fixture.Time))).RunOnceAsync("p", name);
        Assert.Equal(PromotionPhase.Running, first.Phase);
        var commits = remote.Subjects().Count;
        // A new process: another engine and step instances over the same store and work directory.
        var second = await fixture.Engine(EngineFixture.Registry(new ScriptedStep(fixture.Time))).RunOnceAsync("p", name);
        Assert.Equal(PromotionPhase.Running, second.Phase);
        Assert.Equal(commits, remote.Subjects().Count);
        Assert.Equal(4, second.Status.CurrentStep);
    }
}
