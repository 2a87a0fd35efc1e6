using Barge.Engine.Discovery.Git;
using Barge.Engine.Git;
using Barge.Engine.Tests.Git;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Discovery.Git;

/// <summary>
/// The two git subscriptions of the grommet scenario (one repository: dev-* tags by creator date,
/// and SemVer releases) against a real repository, over file:// and git daemon, through one
/// shared mirror.
/// </summary>
public sealed class GrommetGitDiscoveryTests : IDisposable
{
    private static readonly GitSelectionOptions Dev = new()
    {
        Strategy = GitCommitSelectionStrategy.NewestTag,
        AllowTagsRegexes = ["^dev"],
    };

    private static readonly GitSelectionOptions Release = new() { Strategy = GitCommitSelectionStrategy.SemVer };

    private readonly TempDirectory home = new("home");
    private readonly SourceRepo source = new();
    private readonly GitCli git = new();
    private readonly GitMirrorCache cache;
    private readonly Dictionary<string, string> commitOf = new(StringComparer.Ordinal);

    public GrommetGitDiscoveryTests()
    {
        cache = new GitMirrorCache(GitMirrorCache.DefaultRoot(home.Path), git, TimeProvider.System);
        ReleaseBuild("v1.0.0", "feat: first release");
        DevBuild("dev-1");
        DevBuild("dev-2");
        ReleaseBuild("v1.1.0", "feat: second release");
        DevBuild("dev-3");
        source.Commit("chore: untagged", ("notes.txt", "n"));
        source.Tag("not-a-version");
    }

    public void Dispose()
    {
        cache.Dispose();
        source.Dispose();
        home.Dispose();
    }

    [Theory]
    [InlineData("file")]
    [InlineData("daemon")]
    public async Task SelectAsync_GrommetWarehouses_ProduceExpectedCommits(string transport)
    {
        using var daemon = transport == "daemon" ? GitDaemon.Start(Path.GetDirectoryName(source.Path)!) : null;
        var url = daemon?.UrlOf(source.Path) ?? source.FileUrl;

        var mirror = await SyncAsync(url);
        var dev = await Dev.Build().SelectOkAsync(mirror);
        var release = await Release.Build().SelectOkAsync(mirror);

        Assert.Equal(["dev-3", "dev-2", "dev-1"], dev.Tags());
        Assert.Equal(["v1.1.0", "v1.0.0"], release.Tags());
        Assert.All(dev.Concat(release), c => Assert.Equal(commitOf[c.Tag], c.Id));
        Assert.Equal("feat: second release", release[0].Subject);
        Assert.Equal("Ada Author <ada@example.com>", release[0].Author);
        Assert.Equal(1, git.Stats.Transfers);
    }

    [Fact]
    public async Task SelectAsync_NewDevTagPushed_OneFetchAndExactlyOneNewDevCommit()
    {
        var before = await SyncAsync(source.FileUrl);
        var devBefore = await Dev.Build().SelectOkAsync(before);
        var releaseRefsBefore = Release.Build().ObserveRefs(before.Refs);
        var devRefsBefore = Dev.Build().ObserveRefs(before.Refs);

        DevBuild("dev-4");
        var after = await SyncAsync(source.FileUrl);
        var devAfter = await Dev.Build().SelectOkAsync(after);

        Assert.Equal(2, git.Stats.Transfers);
        Assert.Equal(["dev-4"], devAfter.Select(c => c.Id).Except(devBefore.Select(c => c.Id)).Select(id => devAfter.First(c => c.Id == id).Tag));
        Assert.Equal("dev-4", devAfter[0].Tag);
        Assert.True(Release.Build().ObserveRefs(after.Refs)!.SameAs(releaseRefsBefore), "release refs did not move");
        Assert.False(Dev.Build().ObserveRefs(after.Refs)!.SameAs(devRefsBefore), "dev refs moved");
    }

    [Fact]
    public async Task SyncAsync_FiftySubscriptionsUnchanged_NoFurtherFetch()
    {
        await SyncAsync(source.FileUrl);

        for (var i = 0; i < 50; i++)
        {
            var mirror = await SyncAsync(source.FileUrl);
            await (i % 2 == 0 ? Dev : Release).Build().SelectOkAsync(mirror);
        }

        Assert.Equal(1, git.Stats.Transfers);
        Assert.Equal(51, git.Stats.Count("ls-remote"));
    }

    [Fact]
    public async Task SelectAsync_NewestFromBranchWithPaths_OverRealHistory()
    {
        var mirror = await SyncAsync(source.FileUrl);
        var options = new GitSelectionOptions { IncludePaths = ["glob:src/**"], ExcludePaths = ["src/generated"] };

        var commits = await options.Build().SelectOkAsync(mirror);

        Assert.Equal([commitOf["v1.1.0"], commitOf["v1.0.0"]], commits.Select(c => c.Id));
        Assert.All(commits, c => Assert.Equal(string.Empty, c.Branch));
    }

    private async Task<GitMirror> SyncAsync(string url)
    {
        var outcome = await cache.SyncAsync("grommet-source", url);
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Value;
    }

    private void ReleaseBuild(string tag, string subject)
    {
        commitOf[tag] = source.Commit(subject, ($"src/{tag}.txt", tag), ("src/generated/out.txt", tag));
        source.Tag(tag, "Release " + tag);
    }

    private void DevBuild(string tag)
    {
        commitOf[tag] = source.Commit("build " + tag, ($"build/{tag}.txt", tag), ("src/generated/out.txt", tag));
        source.Tag(tag);
    }
}
