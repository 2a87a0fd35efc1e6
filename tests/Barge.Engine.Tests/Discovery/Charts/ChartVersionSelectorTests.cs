using Barge.Engine.Discovery.Charts;
using Barge.Resources.Versioning;
using Xunit;

namespace Barge.Engine.Tests.Discovery.Charts;

public sealed class ChartVersionSelectorTests
{
    [Theory]
    [InlineData("helm http vector", "1.0.0,1.1.0,1.2.0", "", 0, "1.2.0,1.1.0,1.0.0")]
    [InlineData("lenient parse keeps v and partial", "v1.0.0,1.1,junk", "", 0, "1.1,v1.0.0")]
    [InlineData("constraint", "1.0.0,1.5.0,2.0.0", "<2.0.0", 0, "1.5.0,1.0.0")]
    [InlineData("limit", "1.0.0,1.1.0,1.2.0", "", 2, "1.2.0,1.1.0")]
    [InlineData("ties by text", "1.0,1.0.0,v1.0.0", "", 0, "v1.0.0,1.0.0,1.0")]
    public void FromClassicIndex_KargoRules(string name, string versions, string constraint, int limit, string expected)
    {
        Assert.NotEmpty(name);

        var selected = ChartVersionSelector.FromClassicIndex(versions.Split(','), Constraint(constraint), limit);

        Assert.Equal(expected, string.Join(',', selected));
    }

    // semver.md §7: every '_' becomes '+', then the strict parser decides.
    [Theory]
    [InlineData("1.2.3_build.1", "1.2.3+build.1")]
    [InlineData("1.2.3-rc.1_sha.abc", "1.2.3-rc.1+sha.abc")]
    [InlineData("1.2.3-rc_1", "1.2.3-rc+1")]
    [InlineData("1.2.3_a_b", "")]
    [InlineData("1.2.3__x", "")]
    [InlineData("v1.2.3", "")]
    [InlineData("1.2", "")]
    public void FromOciTags_UnderscoreToPlus_ThenStrict(string tag, string expected)
    {
        var selected = ChartVersionSelector.FromOciTags([tag], null, 20);

        Assert.Equal(expected, string.Join(',', selected));
    }

    private static SemVerConstraints? Constraint(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }
        Assert.True(SemVerConstraints.TryParse(text, out var constraints, out var error), error);
        return constraints;
    }
}
