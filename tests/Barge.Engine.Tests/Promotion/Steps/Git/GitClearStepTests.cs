using Barge.Engine.Promotion;
using Barge.Engine.Tests.Git;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.Git;

public sealed class GitClearStepTests
{
    [Fact]
    public async Task RunAsync_WorkTree_RemovesTrackedAndUntrackedFilesButKeepsIgnoredOnesAndGitLink()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl);
        run.Write("out/.gitignore", "*.log\n");
        await run.SucceedAsync(run.Commit, """{"path":"out","message":"ignore logs"}""");
        run.Write("out/build.log", "kept\n");
        run.Write("out/untracked.txt", "gone\n");
        var result = await run.RunAsync(run.Clear, """{"path":"out"}""");
        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Null(result.Output);
        Assert.Equal(
            [".git", "build.log"],
            Directory.EnumerateFileSystemEntries(run.Combine("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("", TestGit.Run(run.Combine("out"), "ls-files").Trim());
        Assert.Contains("D  README.md", TestGit.Run(run.Combine("out"), "status", "--porcelain"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NotAWorkTree_Errors()
    {
        using var run = new GitStepRunner();
        var result = await run.RunAsync(run.Clear, """{"path":"nothing"}""");
        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.StartsWith("error loading working tree from nothing: ", result.Message, StringComparison.Ordinal);
    }
}
