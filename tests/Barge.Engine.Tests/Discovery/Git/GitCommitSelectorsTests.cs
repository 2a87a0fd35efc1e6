using Barge.Engine.Discovery.Git;
using Xunit;

namespace Barge.Engine.Tests.Discovery.Git;

public sealed class GitCommitSelectorsTests
{
    [Theory]
    [InlineData("SemVer")]
    [InlineData("Lexical")]
    [InlineData("NewestTag")]
    public void TryCreate_DeprecatedAllowTags_FailsWithKargoMessage(string strategy)
    {
        var options = new GitSelectionOptions { Strategy = Enum.Parse<GitCommitSelectionStrategy>(strategy), AllowTags = "^v" };

        Assert.False(GitCommitSelectors.TryCreate(options, out var selector, out var errors));
        Assert.Null(selector);
        Assert.Equal(["AllowTags is deprecated and unsupported as of v1.11.0; use AllowTagsRegexes instead"], errors);
    }

    [Fact]
    public void TryCreate_DeprecatedIgnoreTags_FailsWithKargoMessage()
    {
        var options = new GitSelectionOptions { Strategy = GitCommitSelectionStrategy.NewestTag, IgnoreTags = ["old"] };

        Assert.False(GitCommitSelectors.TryCreate(options, out _, out var errors));
        Assert.Equal(["IgnoreTags is deprecated and unsupported as of v1.11.0; use IgnoreTagsRegexes instead"], errors);
    }

    [Fact]
    public void TryCreate_NewestFromBranchWithTagFields_IgnoresThemAsKargoDoes()
    {
        var options = new GitSelectionOptions { AllowTags = "x", AllowTagsRegexes = ["("] };

        Assert.True(GitCommitSelectors.TryCreate(options, out var selector, out var errors), string.Join("; ", errors));
        Assert.Equal(GitCommitSelectionStrategy.NewestFromBranch, selector.Strategy);
    }

    [Fact]
    public void TryCreate_ManyProblems_ReportsEveryOne()
    {
        var options = new GitSelectionOptions
        {
            Strategy = GitCommitSelectionStrategy.SemVer,
            AllowTagsRegexes = ["^v", "("],
            IgnoreTagsRegexes = ["[z-a]"],
            SemverConstraint = "bogus",
            IncludePaths = ["glob:["],
            ExcludePaths = ["regexp:(?<=x)y"],
            DiscoveryLimit = 0,
        };

        Assert.False(GitCommitSelectors.TryCreate(options, out _, out var errors));

        Assert.Equal(6, errors.Count);
        Assert.Contains("discoveryLimit: must be between 1 and 100, got 0", errors);
        Assert.Contains(errors, e => e.StartsWith("allowTagsRegexes[1]: error compiling regular expression \"(\": ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("ignoreTagsRegexes[0]: error compiling regular expression \"[z-a]\": ", StringComparison.Ordinal));
        Assert.Contains("semverConstraint: error parsing semver constraint \"bogus\": improper constraint: \"bogus\"", errors);
        Assert.Contains("includePaths[0]: error parsing include path selectors: parse error path selector \"glob:[\": syntax error in pattern", errors);
        Assert.Contains(errors, e => e.StartsWith("excludePaths[0]: error parsing exclude path selectors: parse error path selector \"regexp:(?<=x)y\": ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    [InlineData(-5, false)]
    public void TryCreate_DiscoveryLimit_MustBeOneToHundred(int limit, bool valid)
    {
        Assert.Equal(valid, GitCommitSelectors.TryCreate(new GitSelectionOptions { DiscoveryLimit = limit }, out _, out _));
    }

    [Fact]
    public void TryCreate_EmptyConstraint_IsNoConstraint()
    {
        Assert.True(GitCommitSelectors.TryCreate(new GitSelectionOptions { Strategy = GitCommitSelectionStrategy.SemVer }, out _, out _));
    }
}
