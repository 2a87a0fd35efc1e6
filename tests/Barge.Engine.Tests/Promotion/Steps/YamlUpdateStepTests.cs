using System.Text.Json.Nodes;
using Barge.Engine.Promotion;
using Barge.Engine.Promotion.Steps;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps;

public sealed class YamlUpdateStepTests
{
    [Theory]
    [InlineData("empty value gets a space", "a:\nb: 1\n", "a", "\"v\"", "a: v\nb: 1\n")]
    [InlineData("empty value in a sequence item", "- \n- x\n", "0", "\"v\"", "- v\n- x\n")]
    [InlineData("comma in a flow sequence is quoted", "l: [a, b]\n", "l.1", "\"x,y\"", "l: [a, \"x,y\"]\n")]
    [InlineData("comma in block context stays plain", "a: b\n", "a", "\"x,y\"", "a: x,y\n")]
    [InlineData("multi-line plain scalar replaced whole", "a: one\n  two\nb: 1\n", "a", "\"v\"", "a: v\nb: 1\n")]
    [InlineData("folded block with CRLF", "a: >\r\n  x\r\n  y\r\nb: 1\r\n", "a", "\"v\"", "a: v\r\nb: 1\r\n")]
    [InlineData("anchor and comment kept", "a: &x 1 # c\nb: *x\n", "a", "2", "a: &x 2 # c\nb: *x\n")]
    [InlineData("double-quoted with escapes", "a: \"x\\ty\" # c\n", "a", "\"new\"", "a: new # c\n")]
    [InlineData("string with newline quoted", "a: x\n", "a", "\"l1\\nl2\"", "a: \"l1\\nl2\"\n")]
    [InlineData("object value written as flow JSON", "a: x\n", "a", "{\"k\":1}", "a: {\"k\":1}\n")]
    [InlineData("first duplicate key addressed", "a: 1\na: 2\n", "a", "3", "a: 3\na: 2\n")]
    public async Task RunAsync_Edit_OnlyTheValueChanges(string scenario, string input, string key, string valueJson, string expected)
    {
        Assert.NotNull(scenario);
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("v.yaml"), input);
        var config = new JsonObject
        {
            ["path"] = "v.yaml",
            ["updates"] = new JsonArray(new JsonObject { ["key"] = key, ["value"] = JsonNode.Parse(valueJson) }),
        };
        var result = await new YamlUpdateStep().RunAsync(StepContext.ForWorkDirectory(temp.Path), config, CancellationToken.None);
        Assert.True(result.Status == StepStatus.Succeeded, result.Message);
        Assert.Equal(expected, File.ReadAllText(temp.Combine("v.yaml")));
    }
}
