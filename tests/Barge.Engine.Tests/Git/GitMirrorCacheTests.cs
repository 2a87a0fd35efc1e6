using Barge.Engine.Git;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Git;

public sealed class GitMirrorCacheTests : IDisposable
{
    private readonly TempDirectory home = new("home");
    private readonly SourceRepo source = new();
    private readonly GitCli git = new();
    private readonly GitMirrorCache cache;

    public GitMirrorCacheTests()
    {
        cache = new GitMirrorCache(GitMirrorCache.DefaultRoot(home.Path), git, TimeProvider.System);
        source.Commit("first", ("README.md", "hello"));
        source.Tag("v1.0.0");
    }

    public void Dispose()
    {
        cache.Dispose();
        source.Dispose();
        home.Dispose();
    }

    [Fact]
    public async Task SyncAsync_FileUrl_CreatesMirrorUnderCacheRoot()
    {
        var outcome = await cache.SyncAsync("repo", source.FileUrl);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.StartsWith(Path.Combine(home.Path, "cache", "git"), outcome.Value.Directory, StringComparison.Ordinal);
        Assert.Equal("main", outcome.Value.DefaultBranch);
        Assert.Equal(source.Head(), outcome.Value.Refs.BranchHead("main"));
        Assert.True(File.Exists(Path.Combine(outcome.Value.Directory, "HEAD")));
    }

    [Fact]
    public async Task SyncAsync_NewMirror_KeepsNoRemoteUrlAndNoAutoGc()
    {
        var outcome = await cache.SyncAsync("repo", source.FileUrl);

        var config = File.ReadAllText(Path.Combine(outcome.Value!.Directory, "config"));
        Assert.DoesNotContain("[remote", config, StringComparison.Ordinal);
        Assert.Contains("auto = 0", config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_TagOnCommitOutsideEveryBranch_IsMirrored()
    {
        TestGit.Run(source.Path, "checkout", "--quiet", "--orphan", "side");
        var orphan = source.Commit("orphan", ("side.txt", "s"));
        source.Tag("orphan-tag");
        TestGit.Run(source.Path, "checkout", "--quiet", "main");
        TestGit.Run(source.Path, "branch", "--quiet", "-D", "side");

        var outcome = await cache.SyncAsync("repo", source.FileUrl);

        var tags = (await outcome.Value!.ListTagsAsync(CancellationToken.None)).Value!;
        Assert.Equal(orphan, Assert.Single(tags, t => t.Name == "orphan-tag").CommitId);
    }

    [Fact]
    public async Task SyncAsync_GitDaemon_CreatesMirror()
    {
        using var daemon = GitDaemon.Start(Path.GetDirectoryName(source.Path)!);

        var outcome = await cache.SyncAsync("daemon-repo", daemon.UrlOf(source.Path));

        Assert.True(outcome.Succeeded, outcome.Error);
        var tags = await outcome.Value.ListTagsAsync(CancellationToken.None);
        Assert.Equal(["v1.0.0"], tags.Value!.Select(t => t.Name));
        Assert.Equal("main", outcome.Value.DefaultBranch);
    }

    [Fact]
    public async Task SyncAsync_RefsUnchanged_RunsLsRemoteButNoFetch()
    {
        Assert.True((await cache.SyncAsync("repo", source.FileUrl)).Succeeded);
        var fetchesAfterFirst = git.Stats.Transfers;
        var lsRemotesAfterFirst = git.Stats.Count("ls-remote");

        var second = await cache.SyncAsync("repo", source.FileUrl);

        Assert.True(second.Succeeded, second.Error);
        Assert.Equal(1, fetchesAfterFirst);
        Assert.Equal(fetchesAfterFirst, git.Stats.Transfers);
        Assert.Equal(lsRemotesAfterFirst + 1, git.Stats.Count("ls-remote"));
    }

    [Fact]
    public async Task SyncAsync_RefsUnchangedInANewProcess_NoFetch()
    {
        Assert.True((await cache.SyncAsync("repo", source.FileUrl)).Succeeded);
        var otherGit = new GitCli();
        using var otherProcess = new GitMirrorCache(GitMirrorCache.DefaultRoot(home.Path), otherGit, TimeProvider.System);

        var outcome = await otherProcess.SyncAsync("repo", source.FileUrl);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(0, otherGit.Stats.Transfers);
    }

    [Fact]
    public async Task SyncAsync_NewTagPushed_FetchesIncrementallyAndFindsIt()
    {
        Assert.True((await cache.SyncAsync("repo", source.FileUrl)).Succeeded);
        var commit = source.Commit("second", ("app.txt", "2"));
        source.Tag("v1.1.0", "release 1.1.0");

        var outcome = await cache.SyncAsync("repo", source.FileUrl);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(1, git.Stats.Count("clone"));
        Assert.Equal(1, git.Stats.Count("fetch"));
        var tags = (await outcome.Value.ListTagsAsync(CancellationToken.None)).Value!;
        var added = Assert.Single(tags, t => t.Name == "v1.1.0");
        Assert.Equal(commit, added.CommitId);
    }

    [Fact]
    public async Task SyncAsync_TagDeletedAtRemote_IsPruned()
    {
        source.Tag("v0.9.0");
        Assert.True((await cache.SyncAsync("repo", source.FileUrl)).Succeeded);
        TestGit.Run(source.Path, "tag", "-d", "v0.9.0");

        var outcome = await cache.SyncAsync("repo", source.FileUrl);

        var tags = (await outcome.Value!.ListTagsAsync(CancellationToken.None)).Value!;
        Assert.DoesNotContain(tags, t => t.Name == "v0.9.0");
    }

    [Fact]
    public async Task SyncAsync_UnreachableRemoteWithCredentialsInUrl_FailsWithoutSecret()
    {
        var outcome = await cache.SyncAsync("nowhere", "http://alice:s3cret-token@127.0.0.1:9/nothing.git");

        Assert.False(outcome.Succeeded);
        Assert.Contains("listing refs of git repository \"http://***@127.0.0.1:9/nothing.git\"", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_MissingRepository_FailsAndLaterSucceedsOnceItExists()
    {
        var missing = Path.Combine(home.Path, "later");
        var url = new Uri(missing).AbsoluteUri;

        var first = await cache.SyncAsync("later", url);
        TestGit.Run(home.Path, "clone", "--quiet", "--bare", source.Path, missing);
        var second = await cache.SyncAsync("later", url);

        Assert.False(first.Succeeded);
        Assert.True(second.Succeeded, second.Error);
    }

    [Fact]
    public async Task SyncAsync_ConcurrentCallersInTwoCaches_ShareTheMirrorWithoutCorruption()
    {
        using var otherProcess = new GitMirrorCache(GitMirrorCache.DefaultRoot(home.Path), new GitCli(), TimeProvider.System);
        var syncs = new List<Task<GitOutcome<GitMirror>>>();
        for (var round = 0; round < 4; round++)
        {
            source.Commit($"change {round}", ($"f{round}.txt", round.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            source.Tag($"v2.{round}.0");
            for (var i = 0; i < 4; i++)
            {
                syncs.Add(cache.SyncAsync("repo", source.FileUrl));
                syncs.Add(otherProcess.SyncAsync("repo", source.FileUrl));
            }
        }

        var outcomes = await Task.WhenAll(syncs);
        var last = await cache.SyncAsync("repo", source.FileUrl);

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Error));
        Assert.True(last.Succeeded, last.Error);
        TestGit.Run(last.Value.Directory, "fsck", "--no-progress");
        var tags = (await last.Value.ListTagsAsync(CancellationToken.None)).Value!;
        Assert.Equal(5, tags.Count);
        Assert.Equal(source.Head(), last.Value.Refs.BranchHead("main"));
        Assert.Single(Directory.GetDirectories(GitMirrorCache.DefaultRoot(home.Path)));
    }

    [Fact]
    public async Task SyncAsync_ManySimultaneousCallers_CoalesceIntoFewSyncs()
    {
        Assert.True((await cache.SyncAsync("repo", source.FileUrl)).Succeeded);
        source.Commit("moved", ("x.txt", "x"));
        var before = git.Stats.Count("ls-remote");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => cache.SyncAsync("repo", source.FileUrl)));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Error));
        Assert.Equal(2, git.Stats.Transfers);
        Assert.True(git.Stats.Count("ls-remote") - before <= 2, $"{git.Stats.Count("ls-remote") - before} ls-remote runs for 50 simultaneous callers");
    }

    [Theory]
    [InlineData("plain", "https://example.com/org/repo")]
    [InlineData("odd characters", "ssh://git@example.com:2222/~user/r e p o.git")]
    [InlineData("very long", "https://example.com/a/very/long/path/that/goes/on/and/on/and/on/forever/and/ever/repo")]
    public void DirectoryFor_Key_IsStableSafeAndUnderRoot(string scenario, string key)
    {
        var first = cache.DirectoryFor(key);
        var name = Path.GetFileName(first);

        Assert.Equal(first, cache.DirectoryFor(key));
        Assert.NotEqual(first, cache.DirectoryFor(key + "x"));
        Assert.Equal(GitMirrorCache.DefaultRoot(home.Path), Path.GetDirectoryName(first));
        Assert.True(name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'), scenario);
        Assert.True(name.Length <= 70, scenario);
    }
}
