using Barge.Resources.Versioning;
using Barge.Testing;
using Xunit;

namespace Barge.Resources.Tests.Versioning;

public sealed class SemVersionTests
{
    public static TheoryData<int, string, string, string> ParseRows => SemVerConformance.RowsOf("parse");

    public static TheoryData<int, string, string, string> CompareRows => SemVerConformance.RowsOf("compare");

    [ConformanceTheory]
    [MemberData(nameof(ParseRows))]
    public void TryParse_ConformanceRow_MatchesUpstream(int line, string input, string mode, string expected)
    {
        var parsed = mode switch
        {
            "strict" => SemVersion.TryParseStrict(input, out var strict) ? strict : null,
            "loose" => SemVersion.TryParse(input, out var loose) ? loose : null,
            "kargo-strict" => SemVersion.TryParseKargo(input, strict: true, out var kargo) ? kargo : null,
            _ => throw new InvalidDataException($"semver.tsv:{line}: unknown parse mode {mode}"),
        };

        Assert.Equal(expected, parsed?.ToString() ?? "ERROR");
        if (parsed is not null)
        {
            Assert.Equal(input, parsed.Original);
        }
    }

    [ConformanceTheory]
    [MemberData(nameof(CompareRows))]
    public void Compare_ConformanceRow_MatchesUpstream(int line, string left, string right, string expected)
    {
        Assert.True(SemVersion.TryParse(left, out var a), $"semver.tsv:{line}: {left} does not parse");
        Assert.True(SemVersion.TryParse(right, out var b), $"semver.tsv:{line}: {right} does not parse");

        Assert.Equal(int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SemVersion.Compare(a, b));
        Assert.Equal(-SemVersion.Compare(a, b), SemVersion.Compare(b, a));
    }

    [Theory]
    [InlineData("1", false, "1.0.0")]
    [InlineData("1", true, null)]
    [InlineData("v1.0.0", true, "1.0.0")]
    [InlineData("v1.0.0", false, "1.0.0")]
    [InlineData("v1.0", true, null)]
    [InlineData("invalid", true, null)]
    [InlineData("invalid", false, null)]
    [InlineData("2024.01.15", false, "2024.1.15")]
    [InlineData("2024.01.15", true, null)]
    [InlineData("v01.02.03", true, null)]
    [InlineData("1.2-rc.1", true, null)]
    [InlineData("vv1.2.3", false, null)]
    [InlineData("V1.2.3", false, null)]
    [InlineData("1234567", false, "1234567.0.0")]
    public void TryParseKargo_KargoParserVectors_MatchKargo(string tag, bool strict, string? expected)
    {
        var ok = SemVersion.TryParseKargo(tag, strict, out var version);

        Assert.Equal(expected is not null, ok);
        Assert.Equal(expected, version?.ToString());
        if (version is not null)
        {
            Assert.Equal(tag, version.Original);
        }
    }

    [Theory]
    [InlineData("maximum uint64", "18446744073709551615.0.0", true)]
    [InlineData("one above uint64", "18446744073709551616.0.0", false)]
    [InlineData("full-width digit", "\uFF11.2.3", false)]
    [InlineData("trailing newline", "1.2.3\n", false)]
    [InlineData("leading space", " 1.2.3", false)]
    [InlineData("fourth part", "1.2.3.4", false)]
    [InlineData("second plus", "9.8.7+meta+meta", false)]
    [InlineData("prerelease after minor", "1.2-beta.5", true)]
    [InlineData("empty", "", false)]
    public void TryParse_EdgeInputs_AcceptOrRejectAsGo(string scenario, string text, bool accepted)
    {
        Assert.True(accepted == SemVersion.TryParse(text, out _), scenario);
    }

    [Theory]
    [InlineData("trailing newline", "1.2.3\n")]
    [InlineData("plus without metadata", "1.2.3+")]
    [InlineData("dash without prerelease", "1.2.3-")]
    [InlineData("full-width digit", "1.2.\uFF13")]
    [InlineData("one above uint64", "1.2.18446744073709551616")]
    public void TryParseStrict_MalformedInput_Fails(string scenario, string text)
    {
        Assert.False(SemVersion.TryParseStrict(text, out _, out var error), scenario);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("prerelease identifier beyond uint64 is alphanumeric", "1.0.0-18446744073709551616", "1.0.0-2", 1)]
    [InlineData("uppercase before lowercase", "1.0.0-RC.1", "1.0.0-beta.1", -1)]
    [InlineData("metadata ignored", "1.0.0+a", "1.0.0+b", 0)]
    [InlineData("spelling ignored", "v1.0", "1.0.0", 0)]
    public void Compare_DerivedCases_FollowTheRules(string scenario, string left, string right, int expected)
    {
        Assert.True(SemVersion.TryParse(left, out var a), scenario);
        Assert.True(SemVersion.TryParse(right, out var b), scenario);

        Assert.Equal(expected, SemVersion.Compare(a, b));
        Assert.Equal(expected == 0, a == b);
    }

    [Fact]
    public void Original_LenientParse_KeepsInputVerbatim()
    {
        Assert.True(SemVersion.TryParse("v1.02-beta.5+build.007", out var version));

        Assert.Equal("v1.02-beta.5+build.007", version.Original);
        Assert.Equal("1.2.0-beta.5+build.007", version.ToString());
        Assert.Equal((1UL, 2UL, 0UL, "beta.5", "build.007"), (version.Major, version.Minor, version.Patch, version.Prerelease, version.Metadata));
    }
}
