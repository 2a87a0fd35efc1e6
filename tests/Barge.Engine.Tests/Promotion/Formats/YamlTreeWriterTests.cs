using Barge.Engine.Promotion.Formats;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Formats;

public sealed class YamlTreeWriterTests
{
    [Theory]
    [InlineData("already in layout", "a: 1\nb:\n  c: x\nlist:\n- 1\n- 2\n", "a: 1\nb:\n  c: x\nlist:\n- 1\n- 2\n")]
    [InlineData("indented sequence", "list:\n    - a\n    - b\n", "list:\n- a\n- b\n")]
    [InlineData("comments kept", "# head\na: 1   # line\n# before b\nb: 2\n", "# head\na: 1 # line\n# before b\nb: 2\n")]
    [InlineData("quoting kept", "a: 'x'\nb: \"y\"\n", "a: 'x'\nb: \"y\"\n")]
    [InlineData("sequence of mappings", "- name: a\n  v: 1\n- name: b\n", "- name: a\n  v: 1\n- name: b\n")]
    [InlineData("flow kept", "a: {b: 1, c: [x, y]}\n", "a: {b: 1, c: [x, y]}\n")]
    [InlineData("anchors and aliases", "a: &x 1\nb: *x\n", "a: &x 1\nb: *x\n")]
    [InlineData("literal block", "s: |\n  one\n  two\n", "s: |\n  one\n  two\n")]
    [InlineData("document marker dropped", "---\na: 1\n", "a: 1\n")]
    [InlineData("nested sequence", "a:\n- - 1\n  - 2\n", "a:\n- - 1\n  - 2\n")]
    public void Write_ReadDocument_KyamlLayout(string scenario, string input, string expected)
    {
        Assert.NotNull(scenario);
        Assert.True(YamlTreeReader.TryRead(input, out var root, out var error), error);
        Assert.Equal(expected, YamlTreeWriter.Write(root));
    }

    [Theory]
    [InlineData("number-like", "1.0", "\"1.0\"")]
    [InlineData("YAML 1.1 boolean", "yes", "\"yes\"")]
    [InlineData("null-like", "~", "\"~\"")]
    [InlineData("plain", "nginx", "nginx")]
    [InlineData("colon-space", "a: b", "\"a: b\"")]
    public void Write_NewScalar_QuotedOnlyWhenNeeded(string scenario, string value, string expected)
    {
        Assert.NotNull(scenario);
        var mapping = new YamlTreeMapping();
        mapping.Set("k", new YamlTreeScalar(value));
        Assert.Equal($"k: {expected}\n", YamlTreeWriter.Write(mapping));
    }

    [Fact]
    public void Merge_Mappings_KargoOrderAndNullRemoval()
    {
        Assert.True(YamlTreeReader.TryRead("b: 1\na:\n  x: 1\n  y: 2\nlist: [1, 2]\n", out var base1, out _));
        Assert.True(YamlTreeReader.TryRead("z: 1\nc: 2\na:\n  x: ~\n  w: 3\nlist: [3]\n", out var patch, out _));
        var merged = YamlTreeMerge.Merge(base1!, patch!);
        Assert.Equal("b: 1\na:\n  y: 2\n  w: 3\nlist: [3]\nc: 2\nz: 1\n", YamlTreeWriter.Write(merged));
    }
}
