using Barge.Engine.Promotion.Formats;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Formats;

public sealed class KeyPathTests
{
    [Theory]
    [InlineData("dotted", "foo.bar.bat.baz", "foo|bar|bat|baz")]
    [InlineData("escaped dots", "foo\\.bar.bat\\.baz", "foo.bar|bat.baz")]
    [InlineData("escaped colon", "foo.bar\\:bat.baz", "foo|bar:bat|baz")]
    [InlineData("leading colon dropped", "foo.bar.:2.baz", "foo|bar|2|baz")]
    [InlineData("surrounding blanks trimmed", "  a.b ", "a|b")]
    public void TrySplit_ValidKey_Parts(string scenario, string key, string expected)
    {
        Assert.NotNull(scenario);
        Assert.True(KeyPath.TrySplit(key, out var parts, out _));
        Assert.Equal(expected.Split('|'), parts);
    }

    [Theory]
    [InlineData("empty", "  ", "empty key")]
    [InlineData("leading dot", ".a", "empty key part in key \".a\"")]
    [InlineData("doubled dot", "a..b", "empty key part in key \"a..b\"")]
    [InlineData("trailing dot", "a.", "empty key part in key \"a.\"")]
    [InlineData("bad escape", "a\\b", "invalid escape sequence in key \"a\\b\"")]
    [InlineData("colon inside a part", "a.b:c", "unexpected colon in key \"a.b:c\"")]
    public void TrySplit_InvalidKey_KargoError(string scenario, string key, string expected)
    {
        Assert.NotNull(scenario);
        Assert.False(KeyPath.TrySplit(key, out _, out var error));
        Assert.Equal(expected, error);
    }
}
