using Barge.Engine.Discovery.Git;
using Barge.Engine.Git;
using Xunit;

namespace Barge.Engine.Tests.Discovery.Git;

public sealed class NewestFromBranchSelectorTests
{
    [Fact]
    public async Task SelectAsync_NoBranch_UsesRemoteDefaultAndReportsEmptyBranch()
    {
        var history = new InMemoryGitHistory { DefaultBranch = "trunk" }.WithBranch("trunk", 3);

        var commits = await new GitSelectionOptions().Build().SelectOkAsync(history);

        Assert.Equal(["c3", "c2", "c1"], commits.Select(c => c.Id));
        Assert.All(commits, c => Assert.Equal(string.Empty, c.Branch));
        Assert.All(commits, c => Assert.Equal(string.Empty, c.Tag));
        Assert.Equal(("trunk", 0, 20), (history.CommitPages[0].Branch, history.CommitPages[0].Skip, history.CommitPages[0].Limit));
    }

    [Fact]
    public async Task SelectAsync_NamedBranchAndLimit_ReturnsFirstPageOnly()
    {
        var history = new InMemoryGitHistory().WithBranch("release", 50);

        var commits = await new GitSelectionOptions { Branch = "release", DiscoveryLimit = 5 }.Build().SelectOkAsync(history);

        Assert.Equal(["c50", "c49", "c48", "c47", "c46"], commits.Select(c => c.Id));
        Assert.All(commits, c => Assert.Equal("release", c.Branch));
        Assert.Single(history.CommitPages);
    }

    [Fact]
    public async Task SelectAsync_NoDefaultBranchAdvertised_Fails()
    {
        var history = new InMemoryGitHistory { DefaultBranch = null };

        var outcome = await new GitSelectionOptions().Build().SelectAsync(history, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("default branch", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelectAsync_PathFilter_ReadsGrowingBatchesUntilLimit()
    {
        var history = new InMemoryGitHistory().WithBranch("main", 3000);
        foreach (var i in new[] { 2990, 1500, 10, 5 })
        {
            history.ChangedPaths["c" + i] = ["charts/app/values.yaml"];
        }

        var commits = await new GitSelectionOptions { DiscoveryLimit = 3, IncludePaths = ["glob:charts/**"] }.Build().SelectOkAsync(history);

        Assert.Equal(["c2990", "c1500", "c10"], commits.Select(c => c.Id));
        Assert.Equal([(0, 3), (3, 6), (9, 12), (21, 24), (45, 48), (93, 96), (189, 192), (381, 384), (765, 768), (1533, 1000), (2533, 1000)],
            history.CommitPages.Select(p => (p.Skip, p.Limit)));
    }

    [Fact]
    public async Task SelectAsync_ExcludeOnly_DropsCommitsTouchingOnlyExcludedPaths()
    {
        var history = new InMemoryGitHistory().WithBranch("main", 3);
        history.ChangedPaths["c3"] = ["docs/a.md"];
        history.ChangedPaths["c2"] = ["docs/b.md", "src/x.cs"];
        history.ChangedPaths["c1"] = [];

        var commits = await new GitSelectionOptions { ExcludePaths = ["regex:^docs/"] }.Build().SelectOkAsync(history);

        Assert.Equal(["c2"], commits.Select(c => c.Id));
    }

    [Fact]
    public async Task SelectAsync_Since_IsPassedToHistory()
    {
        var since = new DateTimeOffset(2024, 1, 1, 0, 2, 0, TimeSpan.Zero);
        var history = new InMemoryGitHistory().WithBranch("main", 4);

        var commits = await new GitSelectionOptions { Since = since }.Build().SelectOkAsync(history);

        Assert.Equal(["c4", "c3", "c2"], commits.Select(c => c.Id));
        Assert.Equal(since, history.CommitPages[0].Since);
    }

    [Fact]
    public async Task SelectAsync_LongSubject_IsCutTo80()
    {
        var history = new InMemoryGitHistory();
        history.Branches["main"] = [new GitCommit("c1", DateTimeOffset.UnixEpoch, "a", "c", new string('x', 81), "m")];

        var commit = Assert.Single(await new GitSelectionOptions().Build().SelectOkAsync(history));

        Assert.Equal(new string('x', 77) + "...", commit.Subject);
    }

    [Theory]
    [InlineData("default branch main", "", "refs/heads/main", true)]
    [InlineData("default branch master", "", "refs/heads/master", true)]
    [InlineData("default branch other", "", "refs/heads/develop", false)]
    [InlineData("named branch", "develop", "refs/heads/develop", true)]
    [InlineData("tag ref", "develop", "refs/tags/develop", false)]
    public void MatchesRef_PushedRef_MatchesKargo(string scenario, string branch, string refName, bool expected)
    {
        Assert.True(expected == new GitSelectionOptions { Branch = branch }.Build().MatchesRef(refName), scenario);
    }

    [Fact]
    public void ObserveRefs_DefaultBranch_IsItsHead()
    {
        var remote = RemoteRefSnapshot.Parse("ref: refs/heads/trunk\tHEAD\nabc\tHEAD\nabc\trefs/heads/trunk\ndef\trefs/heads/other\n");

        Assert.Equal("abc", new GitSelectionOptions().Build().ObserveRefs(remote)?.BranchHead);
        Assert.Equal("def", new GitSelectionOptions { Branch = "other" }.Build().ObserveRefs(remote)?.BranchHead);
        Assert.Null(new GitSelectionOptions { Branch = "missing" }.Build().ObserveRefs(remote));
    }
}
