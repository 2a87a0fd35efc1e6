using Barge.Engine.Promotion;
using Barge.Engine.Tests.Git;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.Git;

public sealed class GitCommitStepTests
{
    [Fact]
    public async Task RunAsync_Changes_CommitsEveryAdditionModificationAndDeletion()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl);
        run.Write("out/env/dev/values.yaml", "image:\n  tag: 2.0.0\n");
        run.Write("out/new/file.txt", "new\n");
        File.Delete(run.Combine("out", "README.md"));
        var output = await run.SucceedAsync(run.Commit, """{"path":"out","message":"Release 2.0.0\n\nfrom grommet-release\n"}""");
        var head = TestGit.Run(run.Combine("out"), "rev-parse", "HEAD").Trim();
        Assert.Equal(head, (string?)output["commit"]);
        Assert.Equal("Release 2.0.0\n\nfrom grommet-release\n", TestGit.Run(run.Combine("out"), "log", "-1", "--format=%B").TrimEnd('\n') + "\n");
        Assert.Equal(
            "A\tnew/file.txt\nD\tREADME.md\nM\tenv/dev/values.yaml",
            string.Join('\n', TestGit.Run(run.Combine("out"), "diff", "--name-status", "HEAD~1", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)));
        Assert.NotEqual(head, remote.Head());
    }

    [Fact]
    public async Task RunAsync_NothingChanged_IsSkippedWithTheExistingHead()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl);
        var result = await run.RunAsync(run.Commit, """{"path":"out","message":"nothing"}""");
        Assert.Equal(StepStatus.Skipped, result.Status);
        Assert.Equal(remote.Head(), (string?)result.Output!["commit"]);
    }

    [Fact]
    public async Task RunAsync_AuthorOverride_AppliesToThisCommitOnly()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl);
        run.Write("out/a.txt", "a\n");
        await run.SucceedAsync(run.Commit, """{"path":"out","message":"one","author":{"name":"Deprecated Author","email":"old@example.com"}}""");
        run.Write("out/b.txt", "b\n");
        await run.SucceedAsync(run.Commit, """{"path":"out","message":"two"}""");
        Assert.Equal(
            "Barge <no-reply@barge.local>\nDeprecated Author <old@example.com>",
            TestGit.Run(run.Combine("out"), "log", "-2", "--format=%an <%ae>").Trim());
    }

    [Theory]
    [InlineData("missing folder", "missing")]
    [InlineData("plain folder", "plain")]
    [InlineData("subdirectory of a work tree", "out/env")]
    [InlineData("the bare clone", "REPO")]
    public async Task RunAsync_NotAWorkTreeOfGitClone_ErrorsLoadingTheWorkTree(string scenario, string path)
    {
        Assert.NotNull(scenario);
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl);
        Directory.CreateDirectory(run.Combine("plain"));
        if (path == "REPO")
        {
            path = Path.GetFileName(Directory.EnumerateDirectories(run.WorkDirectory, "repo-*").Single());
        }
        var result = await run.RunAsync(run.Commit, $$"""{"path":"{{path}}","message":"m"}""");
        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.StartsWith($"error loading working tree from {path}: ", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ForeignRepositoryInTheWorkDirectory_IsNotTreatedAsAWorkTree()
    {
        using var source = new SourceRepo();
        source.Commit("x", ("a.txt", "a"));
        using var run = new GitStepRunner();
        TestGit.Run(run.WorkDirectory, "clone", "--quiet", source.Path, run.Combine("foreign"));
        File.WriteAllText(run.Combine("foreign", "b.txt"), "b");
        var result = await run.RunAsync(run.Commit, """{"path":"foreign","message":"m"}""");
        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.StartsWith("error loading working tree from foreign: error reading repo dir from config: ", result.Message, StringComparison.Ordinal);
    }
}
