using Barge.Engine.Promotion;
using Barge.Engine.Tests.Git;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.Git;

public sealed class GitCloneStepTests
{
    [Fact]
    public async Task RunAsync_BranchCommitAndTagCheckouts_ReportEachHeadUnderAliasOrPath()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        var output = await run.CloneAsync(remote.FileUrl, $$"""
            [{"branch":"main","path":"out"},
             {"commit":"{{remote.FirstCommit}}","path":"src"},
             {"tag":"v1.0.0","path":"rel","as":"release"}]
            """);
        var commits = output["commits"]!.AsObject();
        Assert.Equal(remote.Head(), (string?)commits["out"]);
        Assert.Equal(remote.FirstCommit, (string?)commits["src"]);
        Assert.Equal(remote.FirstCommit, (string?)commits["release"]);
        Assert.Equal(3, commits.Count);
        Assert.True(File.Exists(run.Combine("out", "env", "prod", "values.yaml")));
        Assert.False(File.Exists(run.Combine("src", "env", "prod", "values.yaml")));
        Assert.Equal("main", TestGit.Run(run.Combine("out"), "branch", "--show-current").Trim());
        Assert.Equal("", TestGit.Run(run.Combine("src"), "branch", "--show-current").Trim());
    }

    [Fact]
    public async Task RunAsync_NoRef_ChecksOutTheRemoteDefaultBranch()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        var output = await run.CloneAsync(remote.FileUrl, """[{"path":"out"}]""");
        Assert.Equal(remote.Head(), (string?)output["commits"]!["out"]);
        Assert.Equal("main", TestGit.Run(run.Combine("out"), "branch", "--show-current").Trim());
    }

    [Fact]
    public async Task RunAsync_CreateMissingBranch_PushesAnOrphanBranchWithOneEmptyInitialCommit()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        var output = await run.CloneAsync(remote.FileUrl, """[{"branch":"stage/dev","path":"out","create":true}]""");
        Assert.True(remote.HasBranch("stage/dev"));
        Assert.Equal(remote.Head("stage/dev"), (string?)output["commits"]!["out"]);
        Assert.Equal(["Initial commit"], remote.Subjects("stage/dev"));
        Assert.Equal([".git"], Directory.EnumerateFileSystemEntries(run.Combine("out")).Select(Path.GetFileName));
        Assert.Equal("Barge <no-reply@barge.local>", TestGit.Run(remote.Path, "log", "-1", "--format=%an <%ae>", "stage/dev").Trim());
    }

    [Fact]
    public async Task RunAsync_MissingBranchWithoutCreate_ErrorsWithKargoMessage()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        var result = await run.RunAsync(run.Clone, $$"""{"repoURL":"{{remote.FileUrl}}","checkout":[{"branch":"nope","path":"out"}]}""");
        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.Equal(
            $"error ensuring existence of remote branch nope: remote branch \"nope\" of repo {remote.FileUrl} does not exist; set create=true if you'd like a non-existent remote branch to be automatically created at checkout",
            result.Message);
        Assert.False(remote.HasBranch("nope"));
    }

    [Fact]
    public async Task RunAsync_Sparse_ChecksOutOnlyTheNamedDirectories()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl, """[{"branch":"main","path":"out","sparse":["env/dev"]}]""");
        Assert.True(File.Exists(run.Combine("out", "env", "dev", "values.yaml")));
        Assert.True(File.Exists(run.Combine("out", "README.md")));
        Assert.False(Directory.Exists(run.Combine("out", "app")));
        Assert.False(Directory.Exists(run.Combine("out", "env", "prod")));
    }

    [Fact]
    public async Task RunAsync_OverGitDaemon_ClonesAndPushes()
    {
        using var remote = new GitRemote();
        using var daemon = GitDaemon.Start(remote.Folder);
        using var run = new GitStepRunner();
        var url = daemon.UrlOf(remote.Path);
        await run.CloneAsync(url);
        run.Write("out/env/dev/values.yaml", "image:\n  tag: 2.0.0\n");
        await run.SucceedAsync(run.Commit, """{"path":"out","message":"Release 2.0.0"}""");
        var pushed = await run.SucceedAsync(run.Push, """{"path":"out","provider":"gitea"}""");
        Assert.Equal(remote.Head(), (string?)pushed["commit"]);
        Assert.Equal("main", (string?)pushed["branch"]);
        Assert.Equal($"https://127.0.0.1:{daemon.Port}/config/commit/{remote.Head()}", (string?)pushed["commitURL"]);
        Assert.Equal("Release 2.0.0", remote.Subjects()[0]);
    }

    [Fact]
    public async Task RunAsync_AuthorGiven_LaterCommitsUseIt()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.SucceedAsync(run.Clone, $$"""
            {"repoURL":"{{remote.FileUrl}}","author":{"name":"Release Bot","email":"bot@example.com"},
             "checkout":[{"branch":"main","path":"out"}]}
            """);
        run.Write("out/new.txt", "x\n");
        await run.SucceedAsync(run.Commit, """{"path":"out","message":"add"}""");
        Assert.Equal("Release Bot <bot@example.com>|Release Bot", TestGit.Run(run.Combine("out"), "log", "-1", "--format=%an <%ae>|%cn").Trim());
    }

    [Fact]
    public async Task RunAsync_PathClimbsOut_IsConfinedToTheWorkDirectory()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl, """[{"branch":"main","path":"../../escaped"}]""");
        Assert.True(File.Exists(run.Combine("escaped", "README.md")));
    }

    [Fact]
    public async Task RunAsync_PathInsideGitMetadata_IsRefused()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl);
        var repo = Directory.EnumerateDirectories(run.WorkDirectory, "repo-*").Single();
        var result = await run.RunAsync(run.Clone, $$"""{"repoURL":"{{remote.FileUrl}}","checkout":[{"branch":"stage/prod","path":"{{Path.GetFileName(repo)}}/.git/evil"}]}""");
        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.Contains("inside git metadata (.git)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PathAlreadyAWorkTree_ErrorsWithKargoMessage()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl);
        var result = await run.RunAsync(run.Clone, $$"""{"repoURL":"{{remote.FileUrl}}","checkout":[{"branch":"stage/prod","path":"out"}]}""");
        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.Contains($"working tree already exists at \"{run.Combine("out")}\"", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DuplicateAlias_FailsTerminally()
    {
        using var run = new GitStepRunner();
        var result = await run.RunAsync(run.Clone, """{"repoURL":"file:///nowhere","checkout":[{"path":"a","as":"alias1"},{"path":"b","as":"alias1"}]}""");
        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.True(result.Terminal);
        Assert.Equal("duplicate checkout alias \"alias1\" at checkout[1]", result.Message);
    }

    [Fact]
    public async Task RunAsync_UnreachableRepository_ErrorsRetryably()
    {
        using var run = new GitStepRunner();
        var result = await run.RunAsync(run.Clone, """{"repoURL":"file:///nowhere/repo.git","checkout":[{"path":"a"}]}""");
        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.False(result.Terminal);
        Assert.StartsWith("error cloning file:///nowhere/repo.git: error cloning repo \"file:///nowhere/repo.git\" into ", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OptionLikeRepoUrl_IsNotReadAsAnOption()
    {
        using var run = new GitStepRunner();
        var result = await run.RunAsync(run.Clone, """{"repoURL":"--upload-pack=touch /tmp/pwned","checkout":[{"path":"a"}]}""");
        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.False(File.Exists("/tmp/pwned"));
    }
}
