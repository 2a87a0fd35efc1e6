using Barge.Engine.Promotion;
using Barge.Engine.Promotion.Steps;
using Barge.Engine.Tests.Git;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.Git;

public sealed class GitPushStepTests
{
    [Fact]
    public async Task RunAsync_CloneEditCommitPush_RemoteBranchHasTheCommit()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl);
        run.Write("out/env/dev/values.yaml", "image:\n  tag: 2.0.0 # pinned\n");
        var committed = await run.SucceedAsync(run.Commit, """{"path":"out","message":"Release 2.0.0"}""");
        var pushed = await run.SucceedAsync(run.Push, """{"path":"out"}""");
        Assert.Equal((string?)committed["commit"], (string?)pushed["commit"]);
        Assert.Equal("main", (string?)pushed["branch"]);
        Assert.False(pushed.ContainsKey("commitURL"));
        Assert.Equal((string?)committed["commit"], remote.Head());
        Assert.Equal("image:\n  tag: 2.0.0 # pinned\n", remote.Show("main:env/dev/values.yaml"));
    }

    [Fact]
    public async Task RunAsync_GenerateTargetBranch_PushesToThePromotionBranchAndCanPushAgain()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner(promotion: "dev.01j2k3m4n5.abc1234");
        await run.CloneAsync(remote.FileUrl);
        run.Write("out/a.txt", "a\n");
        await run.SucceedAsync(run.Commit, """{"path":"out","message":"one"}""");
        var first = await run.SucceedAsync(run.Push, """{"path":"out","generateTargetBranch":true}""");
        Assert.Equal("kargo/promotion/dev.01j2k3m4n5.abc1234", (string?)first["branch"]);
        Assert.Equal((string?)first["commit"], remote.Head("kargo/promotion/dev.01j2k3m4n5.abc1234"));
        Assert.NotEqual((string?)first["commit"], remote.Head());

        // A restarted Promotion pushes the generated branch again from a fresh clone: forced, so it works.
        using var again = new GitStepRunner(promotion: "dev.01j2k3m4n5.abc1234");
        await again.CloneAsync(remote.FileUrl);
        again.Write("out/b.txt", "b\n");
        await again.SucceedAsync(again.Commit, """{"path":"out","message":"two"}""");
        var second = await again.SucceedAsync(again.Push, """{"path":"out","generateTargetBranch":true}""");
        Assert.Equal((string?)second["commit"], remote.Head("kargo/promotion/dev.01j2k3m4n5.abc1234"));
    }

    [Fact]
    public async Task RunAsync_TargetBranch_CreatesTheRemoteBranch()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl);
        run.Write("out/a.txt", "a\n");
        await run.SucceedAsync(run.Commit, """{"path":"out","message":"rendered"}""");
        var pushed = await run.SucceedAsync(run.Push, """{"path":"out","targetBranch":"stage/dev"}""");
        Assert.Equal("stage/dev", (string?)pushed["branch"]);
        Assert.Equal((string?)pushed["commit"], remote.Head("stage/dev"));
    }

    [Theory]
    [InlineData("AlwaysRebase", "AlwaysRebase", false)]
    [InlineData("RebaseOrMerge with unsigned commits rebases", "RebaseOrMerge", false)]
    [InlineData("RebaseOrFail with unsigned commits rebases", "RebaseOrFail", false)]
    [InlineData("AlwaysMerge", "AlwaysMerge", true)]
    public async Task RunAsync_RemoteMovedSinceClone_IntegratesWithThePolicy(string scenario, string policy, bool mergeCommit)
    {
        Assert.NotNull(scenario);
        using var remote = new GitRemote();
        using var run = new GitStepRunner(settings: new GitPushSettings(Enum.Parse<GitPushIntegrationPolicy>(policy), RetryBaseDelay: TimeSpan.FromMilliseconds(10)));
        await run.CloneAsync(remote.FileUrl);
        var theirs = remote.CommitElsewhere("someone else", "other.txt", "theirs\n");
        run.Write("out/mine.txt", "mine\n");
        await run.SucceedAsync(run.Commit, """{"path":"out","message":"mine"}""");
        var pushed = await run.SucceedAsync(run.Push, """{"path":"out"}""");
        Assert.Equal((string?)pushed["commit"], remote.Head());
        var subjects = remote.Subjects();
        Assert.Contains("mine", subjects);
        Assert.Contains("someone else", subjects);
        var parents = TestGit.Run(remote.Path, "log", "-1", "--format=%P", "main").Trim().Split(' ');
        Assert.Equal(mergeCommit ? 2 : 1, parents.Length);
        if (!mergeCommit)
        {
            Assert.Equal(theirs, parents[0]);
        }
    }

    [Theory]
    [InlineData("rebase", "AlwaysRebase")]
    [InlineData("merge", "AlwaysMerge")]
    public async Task RunAsync_ConflictingRemoteChange_FailsTerminallyWithMergeConflictAndLeavesNoIntegrationInProgress(string scenario, string policy)
    {
        Assert.NotNull(scenario);
        using var remote = new GitRemote();
        using var run = new GitStepRunner(settings: new GitPushSettings(Enum.Parse<GitPushIntegrationPolicy>(policy)));
        await run.CloneAsync(remote.FileUrl);
        var before = remote.CommitElsewhere("theirs", "env/dev/values.yaml", "image:\n  tag: 3.0.0\n");
        run.Write("out/env/dev/values.yaml", "image:\n  tag: 2.0.0\n");
        await run.SucceedAsync(run.Commit, """{"path":"out","message":"mine"}""");
        var result = await run.RunAsync(run.Push, """{"path":"out"}""");
        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.True(result.Terminal);
        Assert.Equal("merge conflict", result.Message);
        Assert.Equal(before, remote.Head());
        Assert.Equal("", TestGit.Run(run.Combine("out"), "status", "--porcelain").Trim());
    }

    [Fact]
    public async Task RunAsync_RejectedOnceAsNonFastForward_RetriesAndSucceeds()
    {
        using var remote = new GitRemote();
        remote.RaceEveryPush(times: 1);
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl);
        run.Write("out/mine.txt", "mine\n");
        await run.SucceedAsync(run.Commit, """{"path":"out","message":"mine"}""");
        var pushed = await run.SucceedAsync(run.Push, """{"path":"out","maxAttempts":3}""");
        Assert.Equal((string?)pushed["commit"], remote.Head());
        Assert.Equal(["mine", "racing commit 0", "second", "first"], remote.Subjects());
    }

    [Fact]
    public async Task RunAsync_NonFastForwardEveryAttempt_ErrorsAfterMaxAttempts()
    {
        using var remote = new GitRemote();
        remote.RaceEveryPush();
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl);
        run.Write("out/mine.txt", "mine\n");
        await run.SucceedAsync(run.Commit, """{"path":"out","message":"mine"}""");
        var result = await run.RunAsync(run.Push, """{"path":"out","maxAttempts":3}""");
        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.False(result.Terminal);
        Assert.Equal("error pushing commits to remote: error pushing branch: non-fast-forward", result.Message);
        Assert.Equal("3", File.ReadAllText(Path.Combine(remote.Path, "race-count")).Trim());
        Assert.DoesNotContain("mine", remote.Subjects());
    }

    [Fact]
    public async Task RunAsync_DetachedHeadWithoutTarget_ErrorsTerminally()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl, $$"""[{"commit":"{{remote.FirstCommit}}","path":"out"}]""");
        var result = await run.RunAsync(run.Push, """{"path":"out"}""");
        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.True(result.Terminal);
        Assert.Contains("detached HEAD", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ForcePush_OverwritesRemoteHistory()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl);
        remote.CommitElsewhere("lost", "x.txt", "x\n");
        run.Write("out/mine.txt", "mine\n");
        await run.SucceedAsync(run.Commit, """{"path":"out","message":"mine"}""");
        var pushed = await run.SucceedAsync(run.Push, """{"path":"out","force":true}""");
        Assert.Equal((string?)pushed["commit"], remote.Head());
        Assert.DoesNotContain("lost", remote.Subjects());
    }

    [Fact]
    public async Task RunAsync_RebaseOrFailWithSigningOnAndUnsignedCommits_FailsAsUnsafe()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner(settings: new GitPushSettings(GitPushIntegrationPolicy.RebaseOrFail));
        await run.CloneAsync(remote.FileUrl);
        remote.CommitElsewhere("theirs", "other.txt", "theirs\n");
        run.Write("out/mine.txt", "mine\n");
        await run.SucceedAsync(run.Commit, """{"path":"out","message":"mine"}""");
        TestGit.Run(run.Combine("out"), "config", "commit.gpgSign", "true");
        var result = await run.RunAsync(run.Push, """{"path":"out"}""");
        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.True(result.Terminal);
        Assert.Equal("rebase is unsafe and policy prohibits merge fallback", result.Message);
        Assert.DoesNotContain("mine", remote.Subjects());
    }

    [Theory]
    [InlineData(1, 1000, 1500)]
    [InlineData(2, 1500, 2250)]
    [InlineData(3, 2250, 3375)]
    [InlineData(20, 30000, 45000)]
    public void DelayBefore_Retry_GrowsByHalfCapsAtThirtySecondsPlusJitter(int retry, double lowMs, double highMs)
    {
        var settings = new GitPushSettings(Jitter: new Random(7));
        for (var i = 0; i < 50; i++)
        {
            var delay = settings.DelayBefore(retry).TotalMilliseconds;
            Assert.InRange(delay, lowMs, highMs);
        }
    }
}
