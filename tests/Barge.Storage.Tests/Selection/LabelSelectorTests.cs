using Barge.Storage.Selection;
using Xunit;

namespace Barge.Storage.Tests.Selection;

public sealed class LabelSelectorTests
{
    [Theory]
    [InlineData("empty", "", "")]
    [InlineData("spaces only", "   ", "")]
    [InlineData("equals", "env=prod", "env=prod")]
    [InlineData("double equals", "env == prod", "env=prod")]
    [InlineData("not equals", "env!=prod", "env!=prod")]
    [InlineData("in", "tier in (web, api)", "tier in (web,api)")]
    [InlineData("notin", "tier notin (web)", "tier notin (web)")]
    [InlineData("exists", "canary", "canary")]
    [InlineData("does not exist", "! canary", "!canary")]
    [InlineData("prefixed key", "kargo.akuity.io/alias=fuzzy-cat", "kargo.akuity.io/alias=fuzzy-cat")]
    [InlineData("empty value", "env=", "env=")]
    [InlineData("several", "a=1, b!=2,c in (x),!d,e", "a=1,b!=2,c in (x),!d,e")]
    public void Parse_Valid_RoundTrips(string because, string text, string expected)
    {
        _ = because;
        Assert.Equal(expected, LabelSelector.Parse(text).ToString());
    }

    [Theory]
    [InlineData("trailing comma", "env=prod,", "column 10: expected a label key")]
    [InlineData("missing operator", "env prod", "column 5: expected '=', '==', '!=', 'in' or 'notin' after key \"env\"")]
    [InlineData("unclosed list", "env in (a,b", "column 12: expected ',' or ')' in value list")]
    [InlineData("in without list", "env in a", "column 8: expected '(' after 'in'")]
    [InlineData("bad key", "-env=prod", "invalid label key \"-env\"")]
    [InlineData("bad value", "env=pr od", "column 8: expected ',' or end of selector")]
    [InlineData("value too long", "env=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "invalid label value")]
    [InlineData("bad prefix", "Bad_Prefix/env=x", "the prefix must be a DNS subdomain")]
    [InlineData("bang without key", "!", "column 2: expected a label key after '!'")]
    public void TryParse_Invalid_ReportsWhereAndWhat(string because, string text, string expected)
    {
        _ = because;
        Assert.False(LabelSelector.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.StartsWith($"label selector \"{text}\"", error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => LabelSelector.Parse(text));
    }

    [Theory]
    [InlineData("equal hit", "env=prod", true)]
    [InlineData("equal miss", "env=dev", false)]
    [InlineData("not equal on absent key", "zone!=eu", true)]
    [InlineData("in hit", "env in (dev,prod)", true)]
    [InlineData("notin on absent key", "zone notin (eu)", true)]
    [InlineData("exists", "tier", true)]
    [InlineData("does not exist", "!tier", false)]
    [InlineData("all must hold", "env=prod,tier=api", false)]
    public void Matches_Labels_FollowsKubernetesRules(string because, string selector, bool expected)
    {
        _ = because;
        var labels = new Dictionary<string, string> { ["env"] = "prod", ["tier"] = "web" };

        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(labels));
    }

    [Fact]
    public void FromLabels_Map_IsEqualityRequirements()
    {
        var selector = LabelSelector.FromLabels(new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" });

        Assert.Equal("a=1,b=2", selector.ToString());
    }

    [Fact]
    public void Of_RequirementWithWrongValueCount_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => LabelSelector.Of(new LabelRequirement("env", LabelOperator.Equals, [])));

        Assert.Contains("takes exactly one value", error.Message, StringComparison.Ordinal);
    }
}
