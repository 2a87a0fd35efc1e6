using System.Text.Json;
using Barge.Engine.Verification;
using Xunit;

namespace Barge.Engine.Tests.Verification;

public sealed class JsonPathQueryTests
{
    private const string Body = """{"data":{"ready":true,"items":[{"v":1},{"v":2}],"a b":"x"}}""";

    [Theory]
    [InlineData("braced root member", "{$.data.ready}", "true")]
    [InlineData("bare dollar", "$.data.items[1].v", "2")]
    [InlineData("leading dot", ".data.items[0]", """{"v":1}""")]
    [InlineData("negative index", "{.data.items[-1].v}", "2")]
    [InlineData("quoted member", "$.data['a b']", "\"x\"")]
    [InlineData("whole body", "", Body)]
    [InlineData("root only", "{$}", Body)]
    public void Select_SupportedPath_FindsTheValue(string scenario, string path, string expected)
    {
        using var document = JsonDocument.Parse(Body);

        var query = JsonPathQuery.Parse(path, out var parseError);
        var value = query!.Select(document.RootElement, out var selectError);

        Assert.True(parseError is null && selectError is null, scenario);
        Assert.Equal(expected, value!.Value.GetRawText());
    }

    [Theory]
    [InlineData("missing member", "$.data.nope", "nope is not found")]
    [InlineData("index out of range", "$.data.items[5]", "index 5 is out of range (the array has 2 items)")]
    [InlineData("member of an array", "$.data.items.v", "v is not found")]
    public void Select_MissingValue_SaysWhat(string scenario, string path, string expected)
    {
        using var document = JsonDocument.Parse(Body);

        var value = JsonPathQuery.Parse(path, out _)!.Select(document.RootElement, out var error);

        Assert.Null(value);
        Assert.True(error!.Contains(expected, StringComparison.Ordinal), $"{scenario}: {error}");
    }

    [Theory]
    [InlineData("filter", "$.data.items[?(@.v>1)]")]
    [InlineData("wildcard", "$.data.*")]
    [InlineData("recursive descent", "$..v")]
    [InlineData("slice", "$.data.items[0:1]")]
    [InlineData("unclosed bracket", "$.data.items[0")]
    public void Parse_OutsideTheSubset_Refused(string scenario, string path)
    {
        Assert.True(JsonPathQuery.Parse(path, out var error) is null, scenario);
        Assert.Contains("which Barge does not support", error, StringComparison.Ordinal);
    }
}
