using Barge.Engine.Discovery.Git;
using Barge.Engine.Git;
using Xunit;

namespace Barge.Engine.Tests.Discovery.Git;

public sealed class SemVerTagSelectorTests
{
    private static GitSelectionOptions SemVer(string constraint = "", bool strict = true) => new()
    {
        Strategy = GitCommitSelectionStrategy.SemVer,
        SemverConstraint = constraint,
        StrictSemvers = strict,
    };

    [Fact]
    public async Task SelectAsync_StrictWithConstraint_KeepsMatchingSemversHighestFirst()
    {
        var history = InMemoryGitHistory.WithTags("v1.2.4", "v1.1.0", "not-semver", "v1.2.3");

        var commits = await SemVer(">=1.2.0").Build().SelectOkAsync(history);

        Assert.Equal(["v1.2.4", "v1.2.3"], commits.Tags());
        Assert.All(commits, c => Assert.Equal(string.Empty, c.Branch));
        Assert.Equal("c-v1.2.4", commits[0].Id);
    }

    [Fact]
    public void ObserveRefs_StrictWithConstraint_KeptTagsSortedByName()
    {
        var remote = RemoteRefSnapshot.Parse(string.Join('\n',
            "a1\trefs/tags/v1.2.4", "a2\trefs/tags/v1.1.0", "a3\trefs/tags/not-semver", "a4\trefs/tags/v1.2.3", "b1\trefs/heads/main"));

        var observed = SemVer(">=1.2.0").Build().ObserveRefs(remote);

        Assert.NotNull(observed);
        Assert.Null(observed.BranchHead);
        Assert.Equal([new RemoteRef("v1.2.3", "a4"), new RemoteRef("v1.2.4", "a1")], observed.Tags!);
    }

    [Theory]
    [InlineData("v1.0 rejected when strict", true, new[] { "v1.0", "v0.9.0" }, new[] { "v0.9.0" })]
    [InlineData("v1.0 kept when lenient", false, new[] { "v1.0", "v0.9.0" }, new[] { "v1.0", "v0.9.0" })]
    [InlineData("sorted by version", true, new[] { "v3.0.0", "v5.0.0", "v4.0.0", "v1.0.0", "v2.0.0" }, new[] { "v5.0.0", "v4.0.0", "v3.0.0", "v2.0.0", "v1.0.0" })]
    [InlineData("no constraint admits prereleases", true, new[] { "1.9.0", "2.0.0-rc.1" }, new[] { "2.0.0-rc.1", "1.9.0" })]
    [InlineData("ties broken by text descending", false, new[] { "1.0", "1.0.0", "v1.0.0" }, new[] { "v1.0.0", "1.0.0", "1.0" })]
    public async Task SelectAsync_TagSets_OrderAndFilterAsKargo(string scenario, bool strict, string[] tags, string[] expected)
    {
        var commits = await SemVer(strict: strict).Build().SelectOkAsync(InMemoryGitHistory.WithTags(tags));

        Assert.True(expected.SequenceEqual(commits.Tags()), $"{scenario}: {string.Join(",", commits.Tags())}");
    }

    [Theory]
    [InlineData("allow ^v1\\. rejects v2.0.0", new[] { @"^v1\." }, new string[0], new[] { "v2.0.0", "v1.5.0" }, new[] { "v1.5.0" })]
    [InlineData("ignore wins over allow", new[] { @"^v1\." }, new[] { @"^v1\.0\.0$" }, new[] { "v1.0.0", "v1.1.0" }, new[] { "v1.1.0" })]
    [InlineData("ignore alone", new string[0], new[] { @"^v1\.0\.0$" }, new[] { "v1.1.0", "v1.0.0" }, new[] { "v1.1.0" })]
    public async Task SelectAsync_AllowAndIgnoreRegexes_FilterAsKargo(string scenario, string[] allow, string[] ignore, string[] tags, string[] expected)
    {
        var options = SemVer() with { AllowTagsRegexes = allow, IgnoreTagsRegexes = ignore };

        var commits = await options.Build().SelectOkAsync(InMemoryGitHistory.WithTags(tags));

        Assert.True(expected.SequenceEqual(commits.Tags()), scenario);
    }

    [Fact]
    public async Task SelectAsync_MoreThanLimit_CutsAfterSorting()
    {
        var tags = Enumerable.Range(0, 30).Select(i => $"v1.{i}.0").ToArray();

        var commits = await (SemVer() with { DiscoveryLimit = 3 }).Build().SelectOkAsync(InMemoryGitHistory.WithTags(tags));

        Assert.Equal(["v1.29.0", "v1.28.0", "v1.27.0"], commits.Tags());
    }

    [Fact]
    public async Task SelectAsync_PathFilter_SkipsTagsWhoseCommitTouchedNothingIncluded()
    {
        var history = InMemoryGitHistory.WithTags("v1.2.0", "v1.1.0", "v1.0.0");
        history.ChangedPaths["c-v1.2.0"] = ["docs/readme.md"];
        history.ChangedPaths["c-v1.1.0"] = ["src/app.cs"];
        history.ChangedPaths["c-v1.0.0"] = ["src/lib.cs"];

        var commits = await (SemVer() with { IncludePaths = ["src"], DiscoveryLimit = 1 }).Build().SelectOkAsync(history);

        Assert.Equal(["v1.1.0"], commits.Tags());
        Assert.Equal(["c-v1.2.0", "c-v1.1.0"], history.PathLookups);
    }

    [Theory]
    [InlineData("tag ref admitted", "refs/tags/v1.2.3", true)]
    [InlineData("tag ref below constraint", "refs/tags/v1.0.0", false)]
    [InlineData("branch ref", "refs/heads/v1.2.3", false)]
    [InlineData("not semver", "refs/tags/latest", false)]
    public void MatchesRef_PushedRef_MatchesKargo(string scenario, string refName, bool expected)
    {
        Assert.True(expected == SemVer(">=1.2.0").Build().MatchesRef(refName), scenario);
    }
}
