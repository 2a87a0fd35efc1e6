using Barge.Resources.Versioning;
using Barge.Testing;
using Xunit;

namespace Barge.Resources.Tests.Versioning;

public sealed class SemVerConstraintsTests
{
    public static TheoryData<int, string, string, string> CheckRows => SemVerConformance.RowsOf("check");

    [ConformanceTheory]
    [MemberData(nameof(CheckRows))]
    public void IsSatisfiedBy_ConformanceRow_MatchesUpstream(int line, string constraint, string version, string expected)
    {
        var parsed = SemVerConstraints.TryParse(constraint, out var constraints, out var error);

        if (expected == "ERROR")
        {
            Assert.False(parsed, $"semver.tsv:{line}: {constraint} should not parse");
            Assert.False(string.IsNullOrEmpty(error));
            return;
        }
        Assert.True(parsed, $"semver.tsv:{line}: {constraint}: {error}");
        Assert.True(SemVersion.TryParse(version, out var candidate), $"semver.tsv:{line}: {version} does not parse");
        Assert.Equal(bool.Parse(expected), constraints!.IsSatisfiedBy(candidate));
    }

    [Theory]
    [InlineData("strict >=1.2.0 keeps v1.2.3", ">=1.2.0", "v1.2.3", true)]
    [InlineData("strict >=1.2.0 keeps v1.2.4", ">=1.2.0", "v1.2.4", true)]
    [InlineData("strict >=1.2.0 drops v1.1.0", ">=1.2.0", "v1.1.0", false)]
    [InlineData("caret with v", "^v1.0.0", "1.5.0", true)]
    [InlineData("prerelease never in a plain group", "<2.0.0", "2.0.0-rc.1", false)]
    [InlineData("hyphen upper bound wildcard-inclusive", "1 - 2", "2.99.0", true)]
    [InlineData("hyphen minor upper bound", "1.2 - 1.4", "1.4.9", true)]
    [InlineData("hyphen exact upper bound", "1.2 - 1.4.5", "1.4.6", false)]
    [InlineData("caret any-wild is 0.0.0 only", "^*", "0.0.1", false)]
    [InlineData("caret any-wild matches 0.0.0", "^*", "0.0.0", true)]
    [InlineData("tilde zero minor", "~0", "0.9.9", true)]
    [InlineData("tilde zero minor upper", "~0", "1.0.0", false)]
    [InlineData("metadata ignored by equality", "1.2.3", "1.2.3+meta", true)]
    [InlineData("metadata ignored by inequality", "!=1.2.3", "1.2.3+meta", false)]
    [InlineData("leading zero coerced", "01.2.3", "1.2.3", true)]
    [InlineData("uppercase prerelease sorts first", ">=1.2.3-BETA", "1.2.3-alpha", true)]
    [InlineData("comma and spaces", ">= 1.2.3, < 2.0", "1.9.9", true)]
    [InlineData("x after x ignored", "1.x.3", "1.9.0", true)]
    [InlineData("prerelease gate per group", ">= 1.0.0  <= 2.0.0-beta || > 3", "3.0.1-beta", false)]
    public void IsSatisfiedBy_SpecVectors_MatchMasterminds(string scenario, string constraint, string version, bool expected)
    {
        Assert.True(SemVerConstraints.TryParse(constraint, out var constraints, out var error), $"{scenario}: {error}");
        Assert.True(SemVersion.TryParse(version, out var candidate), scenario);

        Assert.True(expected == constraints.IsSatisfiedBy(candidate), scenario);
    }

    [Theory]
    [InlineData("empty", "", "improper constraint: \"\"")]
    [InlineData("blank", " ", "improper constraint: \" \"")]
    [InlineData("trailing or", ">=1.0 ||", "improper constraint: \"\"")]
    [InlineData("leading or", "|| 1.0", "improper constraint: \"\"")]
    [InlineData("no separator", ">1.1<2", "improper constraint: \">1.1<2\"")]
    [InlineData("space in operator", "> = 1.2", "improper constraint: \"> = 1.2\"")]
    [InlineData("double equals", "==1.2", "improper constraint: \"==1.2\"")]
    [InlineData("word", "invalid", "improper constraint: \"invalid\"")]
    [InlineData("bogus", "bogus", "improper constraint: \"bogus\"")]
    [InlineData("leading-zero prerelease", "v1.2.3-beta.01", "constraint parser error: \"v1.2.3-beta.01\" is not a valid version (version segment starts with 0)")]
    [InlineData("pipe inside a version", "1|2", "constraint parser error: \"1|2\" is not a valid version (invalid semantic version)")]
    [InlineData("beyond uint64", "18446744073709551616", "constraint parser error: \"18446744073709551616\" is not a valid version (error parsing version segment: value out of range)")]
    public void TryParse_BadConstraint_FailsWithMessage(string scenario, string constraint, string message)
    {
        Assert.False(SemVerConstraints.TryParse(constraint, out var constraints, out var error), scenario);
        Assert.Null(constraints);
        Assert.Equal(message, error);
    }

    [Fact]
    public void TryParse_LongerThanCap_FailsWithCapMessage()
    {
        var text = string.Join(' ', Enumerable.Repeat(">=1.0.0", 70));

        Assert.False(SemVerConstraints.TryParse(text, out _, out var error));
        Assert.Equal("constraint string is too long (max 512 bytes)", error);
    }

    [Fact]
    public void TryParse_MoreGroupsThanCap_FailsWithCapMessage()
    {
        var text = string.Join("||", Enumerable.Repeat("1", 33));

        Assert.False(SemVerConstraints.TryParse(text, out _, out var error));
        Assert.Equal("too many constraint groups (max 32)", error);
    }

    [Fact]
    public void TryParse_ManySpacesBetweenTermsThenGarbage_FailsQuickly()
    {
        var text = string.Join("   ", Enumerable.Repeat("1", 120)) + " !";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Assert.False(SemVerConstraints.TryParse(text, out _, out _));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("terms and groups", "2.x,   >=1.2.3 || >4.5.6, < 5.7", "2.x >=1.2.3 || >4.5.6 <5.7")]
    [InlineData("comma with spaces", "> 1 , <=1.2.3", ">1 <=1.2.3")]
    [InlineData("hyphen range rewritten", "1.2 - 1.4.5", ">=1.2 <=1.4.5")]
    public void ToString_Constraint_RendersAsUpstream(string scenario, string constraint, string expected)
    {
        Assert.True(SemVerConstraints.TryParse(constraint, out var constraints, out _), scenario);

        Assert.Equal(expected, constraints.ToString());
        Assert.Equal(constraint, constraints.Text);
    }
}
