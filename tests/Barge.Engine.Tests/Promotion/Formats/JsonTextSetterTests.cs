using Barge.Engine.Promotion.Formats;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Formats;

public sealed class JsonTextSetterTests
{
    [Theory]
    [InlineData("replace keeps layout", "{ \"a\" : 1 ,\n \"b\": 2 }", "a", "5", "{ \"a\" : 5 ,\n \"b\": 2 }")]
    [InlineData("new member before the brace", "{\"a\": 1}", "b", "true", "{\"a\": 1,\"b\":true}")]
    [InlineData("new member into empty object", "{}", "b", "1", "{\"b\":1}")]
    [InlineData("nested creation", "{}", "a.b.0", "1", "{\"a\":{\"b\":[1]}}")]
    [InlineData("forced object key", "{}", "a.:0", "1", "{\"a\":{\"0\":1}}")]
    [InlineData("append", "[1, 2]", "-1", "3", "[1, 2,3]")]
    [InlineData("pad with nulls", "[1]", "3", "4", "[1,null,null,4]")]
    [InlineData("escaped dot", "{\"a.b\": 1}", "a\\.b", "2", "{\"a.b\": 2}")]
    [InlineData("empty text", "", "a", "\"x\"", "{\"a\":\"x\"}")]
    [InlineData("not JSON", "hello", "a", "1", "{\"a\":1}")]
    [InlineData("strings with braces are skipped", "{\"s\": \"}{\", \"a\": 1}", "a", "2", "{\"s\": \"}{\", \"a\": 2}")]
    public void Set_Path_SjsonSemantics(string scenario, string json, string path, string raw, string expected)
    {
        Assert.NotNull(scenario);
        Assert.Equal(expected, JsonTextSetter.Set(json, path, raw, out var error));
        Assert.Equal("", error);
    }

    [Fact]
    public void Set_NonNumericKeyOnArray_Errors()
    {
        Assert.Null(JsonTextSetter.Set("[1]", "x", "1", out var error));
        Assert.Equal("cannot set array element for non-numeric key 'x'", error);
    }
}
