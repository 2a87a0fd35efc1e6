using Barge.Resources.Versioning;
using Barge.Testing;
using Xunit;

namespace Barge.Resources.Tests.Versioning;

public sealed class KargoVersionOrderTests
{
    public static TheoryData<int, string, string, string> SortRows => SemVerConformance.RowsOf("sort");

    [ConformanceTheory]
    [MemberData(nameof(SortRows))]
    public void Compare_ConformanceSortRow_MatchesKargo(int line, string input, string unused, string expected)
    {
        Assert.Equal(string.Empty, unused);
        Assert.Equal(expected, SortLeniently(input));
        Assert.True(line > 1);
    }

    [Theory]
    [InlineData("spellings tie on original text", "1.0,1.0.0,v1.0.0", "v1.0.0,1.0.0,1.0")]
    [InlineData("metadata decides a tie", "1.0.0+a,1.0.0,1.0.0+b", "1.0.0+b,1.0.0+a,1.0.0")]
    [InlineData("leading zeros tie", "2024.01.15,2024.1.15,2024.1.9", "2024.1.15,2024.01.15,2024.1.9")]
    [InlineData("prerelease below its release", "1.9.0,2.0.0-rc.1,2.0.0-beta.2,2.0.0", "2.0.0,2.0.0-rc.1,2.0.0-beta.2,1.9.0")]
    [InlineData("numeric identifiers", "1.0.0-rc.1,1.0.0-rc.10,1.0.0-rc.9", "1.0.0-rc.10,1.0.0-rc.9,1.0.0-rc.1")]
    public void Compare_TieCases_OrderAsKargo(string scenario, string input, string expected)
    {
        Assert.True(expected == SortLeniently(input), scenario);
    }

    private static string SortLeniently(string commaSeparated)
    {
        var versions = commaSeparated.Split(',')
            .Select(text => SemVersion.TryParse(text, out var v) ? v : throw new InvalidDataException($"{text} does not parse"))
            .ToList();
        versions.Sort(KargoVersionOrder.Instance);
        return string.Join(',', versions.Select(v => v.Original));
    }
}
