using Barge.Engine.Git;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Git;

public sealed class GitMirrorTests : IDisposable
{
    private readonly TempDirectory home = new("home");
    private readonly SourceRepo source = new();
    private readonly GitMirrorCache cache;

    public GitMirrorTests() =>
        cache = new GitMirrorCache(GitMirrorCache.DefaultRoot(home.Path), new GitCli(), TimeProvider.System);

    public void Dispose()
    {
        cache.Dispose();
        source.Dispose();
        home.Dispose();
    }

    private async Task<GitMirror> SyncAsync()
    {
        var outcome = await cache.SyncAsync("repo", source.FileUrl);
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Value;
    }

    [Fact]
    public async Task ListTagsAsync_AnnotatedAndLightweight_CarryKargoFields()
    {
        var first = source.Commit("feat: first\n\nbody text", ("a.txt", "1"));
        source.Tag("light");
        var second = source.Commit("fix: second", ("a.txt", "2"));
        source.Tag("v1.0.0", "Release 1.0.0\n\nnotes");
        var mirror = await SyncAsync();

        var tags = (await mirror.ListTagsAsync(CancellationToken.None)).Value!;

        Assert.Equal(["v1.0.0", "light"], tags.Select(t => t.Name));
        var annotated = tags[0];
        Assert.Equal(second, annotated.CommitId);
        Assert.Equal("fix: second", annotated.Subject);
        Assert.Equal("Ada Author <ada@example.com>", annotated.Author);
        Assert.Equal("Cy Committer <cy@example.com>", annotated.Committer);
        Assert.Equal("Cy Committer <cy@example.com>", annotated.Tagger);
        Assert.Equal("Release 1.0.0", annotated.Annotation);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 3, 0, TimeSpan.Zero), annotated.CreatorDate);
        var light = tags[1];
        Assert.Equal(first, light.CommitId);
        Assert.Equal("feat: first", light.Subject);
        Assert.Equal(string.Empty, light.Tagger);
        Assert.Equal(string.Empty, light.Annotation);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 1, 0, TimeSpan.Zero), light.CreatorDate);
    }

    [Fact]
    public async Task ListTagsAsync_NoTags_ReturnsEmpty()
    {
        source.Commit("only", ("a.txt", "1"));
        var mirror = await SyncAsync();

        var tags = await mirror.ListTagsAsync(CancellationToken.None);

        Assert.True(tags.Succeeded, tags.Error);
        Assert.Empty(tags.Value);
    }

    [Fact]
    public async Task ListCommitsAsync_Branch_NewestFirstWithSkipLimitAndMessage()
    {
        var ids = Enumerable.Range(1, 5).Select(i => source.Commit($"commit {i}\n\nline one\nline two", ("n.txt", $"{i}"))).ToList();
        var mirror = await SyncAsync();

        var page = (await mirror.ListCommitsAsync("main", 1, 2, null, CancellationToken.None)).Value!;
        var all = (await mirror.ListCommitsAsync("main", 0, 100, null, CancellationToken.None)).Value!;

        Assert.Equal([ids[3], ids[2]], page.Select(c => c.Id));
        Assert.Equal(Enumerable.Reverse(ids), all.Select(c => c.Id));
        Assert.Equal("commit 5", all[0].Subject);
        Assert.Equal("commit 5\n\nline one\nline two", all[0].Message);
        Assert.Equal("Ada Author <ada@example.com>", all[0].Author);
        Assert.Equal("Cy Committer <cy@example.com>", all[0].Committer);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 5, 0, TimeSpan.Zero), all[0].CommitDate);
    }

    [Fact]
    public async Task ListCommitsAsync_Since_StopsAtOlderCommits()
    {
        foreach (var i in Enumerable.Range(1, 4))
        {
            source.Commit($"c{i}", ("n.txt", $"{i}"));
        }
        var mirror = await SyncAsync();

        var recent = (await mirror.ListCommitsAsync("main", 0, 100, new DateTimeOffset(2024, 1, 1, 0, 3, 0, TimeSpan.Zero), CancellationToken.None)).Value!;

        Assert.Equal(["c4", "c3"], recent.Select(c => c.Subject));
    }

    [Fact]
    public async Task ListCommitsAsync_UnknownBranch_FailsNamingIt()
    {
        source.Commit("c", ("n.txt", "1"));
        var mirror = await SyncAsync();

        var outcome = await mirror.ListCommitsAsync("nope", 0, 10, null, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("branch \"nope\" does not exist in git repository", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetChangedPathsAsync_AddModifyDeleteAndMove_ReportsEveryPath()
    {
        var root = source.Commit("root", ("keep.txt", "k"), ("old/name.txt", "n"), ("gone.txt", "g"));
        Directory.CreateDirectory(Path.Combine(source.Path, "new"));
        TestGit.Run(source.Path, "mv", "old/name.txt", "new/name.txt");
        var change = source.Commit("change", ("keep.txt", "k2"), ("gone.txt", null), ("dir with space/ü.txt", "u"));
        var mirror = await SyncAsync();

        var rootPaths = (await mirror.GetChangedPathsAsync(root, CancellationToken.None)).Value!;
        var changePaths = (await mirror.GetChangedPathsAsync(change, CancellationToken.None)).Value!;

        Assert.Equal(["gone.txt", "keep.txt", "old/name.txt"], rootPaths.Order(StringComparer.Ordinal));
        Assert.Equal(["dir with space/ü.txt", "gone.txt", "keep.txt", "new/name.txt", "old/name.txt"], changePaths.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetChangedPathsAsync_MergeCommit_ComparesWithFirstParent()
    {
        source.Commit("base", ("base.txt", "b"));
        TestGit.Run(source.Path, "checkout", "--quiet", "-b", "feature");
        source.Commit("feature work", ("feature.txt", "f"));
        TestGit.Run(source.Path, "checkout", "--quiet", "main");
        source.Commit("main work", ("main.txt", "m"));
        TestGit.Run(source.Path, source.Tick(), "merge", "--quiet", "--no-ff", "-m", "merge feature", "feature");
        var mirror = await SyncAsync();

        var paths = (await mirror.GetChangedPathsAsync(source.Head(), CancellationToken.None)).Value!;

        Assert.Equal(["feature.txt"], paths);
    }
}
