using Barge.Engine.Promotion;
using Barge.Engine.Promotion.Steps;
using Barge.Engine.Tests.Git;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.Git;

/// <summary>git-clone's repository options, and the clone's protection from the file steps.</summary>
public sealed class GitCloneStepOptionsTests
{
    [Fact]
    public async Task RunAsync_RecurseSubmodules_ChecksOutSubmodulesOfEachWorkTree()
    {
        using var library = new SourceRepo();
        library.Commit("lib", ("lib.txt", "library\n"));
        using var daemon = GitDaemon.Start(Path.GetDirectoryName(library.Path)!);
        using var app = new SourceRepo();
        app.Commit("app", ("app.txt", "app\n"));
        TestGit.Run(app.Path, "submodule", "add", "--quiet", daemon.UrlOf(library.Path), "vendor/lib");
        TestGit.Run(app.Path, "commit", "--quiet", "-m", "add submodule");
        using var run = new GitStepRunner();
        await run.SucceedAsync(run.Clone, $$"""{"repoURL":"{{app.FileUrl}}","recurseSubmodules":true,"checkout":[{"branch":"main","path":"out"}]}""");
        Assert.Equal("library\n", File.ReadAllText(run.Combine("out", "vendor", "lib", "lib.txt")));

        using var plain = new GitStepRunner();
        await plain.SucceedAsync(plain.Clone, $$"""{"repoURL":"{{app.FileUrl}}","checkout":[{"branch":"main","path":"out"}]}""");
        Assert.False(File.Exists(plain.Combine("out", "vendor", "lib", "lib.txt")));
    }

    [Fact]
    public async Task RunAsync_Blobless_ClonesAndChecksOut()
    {
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.SucceedAsync(run.Clone, $$"""{"repoURL":"{{remote.FileUrl}}","blobless":true,"checkout":[{"branch":"main","path":"out"}]}""");
        Assert.True(File.Exists(run.Combine("out", "env", "dev", "values.yaml")));
    }

    [Theory]
    [InlineData("the bare clone's config", "REPO/.git/config")]
    [InlineData("the work tree's link", "out/.git")]
    public async Task FileSteps_GitMetadataOfTheClone_AreNeverWriteTargets(string scenario, string target)
    {
        Assert.NotNull(scenario);
        using var remote = new GitRemote();
        using var run = new GitStepRunner();
        await run.CloneAsync(remote.FileUrl);
        var repo = Path.GetFileName(Directory.EnumerateDirectories(run.WorkDirectory, "repo-*").Single());
        target = target.Replace("REPO", repo, StringComparison.Ordinal);
        var deleted = await run.RunAsync(new DeleteStep(), $$"""{"path":"{{target}}"}""");
        Assert.NotEqual(StepStatus.Succeeded, deleted.Status);
        run.Write("evil", "[core]\n\tfsmonitor = touch /tmp/barge-pwned\n");
        var copied = await run.RunAsync(new CopyStep(), $$"""{"inPath":"evil","outPath":"{{target}}"}""");
        Assert.NotEqual(StepStatus.Succeeded, copied.Status);
        run.Write("out/new.txt", "still works\n");
        await run.SucceedAsync(run.Commit, """{"path":"out","message":"metadata intact"}""");
    }
}
