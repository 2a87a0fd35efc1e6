using Barge.Engine.Promotion;
using Barge.Engine.Tests.Git;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.Git;

public sealed class GitTagStepTests
{
    [Fact]
    public async Task RunAsync_TagThenPushTag_RemoteHasTheAnnotatedTagOnHead()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl);
        run.Write("out/env/dev/values.yaml", "image:\n  tag: 2.0.0\n");
        var committed = await run.SucceedAsync(run.Commit, """{"path":"out","message":"Release 2.0.0"}""");
        var tagged = await run.SucceedAsync(run.Tag, """{"path":"out","tag":"release/2.0.0","message":"promoted to dev"}""");
        Assert.Equal((string?)committed["commit"], (string?)tagged["commit"]);
        var pushed = await run.SucceedAsync(run.Push, """{"path":"out","tag":"release/2.0.0"}""");
        Assert.Equal((string?)committed["commit"], (string?)pushed["commit"]);
        Assert.Equal("main", (string?)pushed["branch"]);
        Assert.Equal("tag", TestGit.Run(remote.Path, "cat-file", "-t", "refs/tags/release/2.0.0").Trim());
        Assert.Equal((string?)committed["commit"], TestGit.Run(remote.Path, "rev-parse", "release/2.0.0^{commit}").Trim());
        Assert.NotEqual((string?)committed["commit"], remote.Head());
    }

    [Fact]
    public async Task RunAsync_ExistingTag_ErrorsUnlessForced()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl);
        var result = await run.RunAsync(run.Tag, """{"path":"out","tag":"v1.0.0","message":"again"}""");
        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.StartsWith("error creating tag v1.0.0: error creating annotated tag \"v1.0.0\": ", result.Message, StringComparison.Ordinal);
        await run.SucceedAsync(run.Tag, """{"path":"out","tag":"v1.0.0","message":"again","force":true}""");
        Assert.Equal(remote.Head(), TestGit.Run(run.Combine("out"), "rev-parse", "v1.0.0^{commit}").Trim());
    }

    [Fact]
    public async Task RunAsync_PushExistingRemoteTag_ErrorsWithoutRetrying()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl);
        await run.SucceedAsync(run.Tag, """{"path":"out","tag":"v1.0.0","message":"moved","force":true}""");
        var result = await run.RunAsync(run.Push, """{"path":"out","tag":"v1.0.0"}""");
        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.StartsWith("error pushing commits to remote: error pushing tag: ", result.Message, StringComparison.Ordinal);
        Assert.Contains("already exists", result.Message, StringComparison.Ordinal);
    }
}
