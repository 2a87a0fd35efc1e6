using Barge.Engine.Promotion;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.JsonParse;

public sealed class JsonParseStepTests : IDisposable
{
    private readonly TempDirectory temp = new("json-parse");

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("string", "app.version", "\"1.0.0\"")]
    [InlineData("number is a float", "count", "42.0")]
    [InlineData("null stays null", "nothing", "null")]
    [InlineData("nested list", "items[1].name", "\"b\"")]
    [InlineData("map output", "app", "{\"version\":\"1.0.0\"}")]
    [InlineData("missing key", "missingKey", "null")]
    public async Task RunAsync_Expression_ExtractsValue(string scenario, string expression, string expected)
    {
        Assert.NotNull(scenario);
        File.WriteAllText(temp.Combine("a.json"), """{"app":{"version":"1.0.0"},"count":42,"nothing":null,"items":[{"name":"a"},{"name":"b"}]}""");

        var result = await StepRun.RunAsync("json-parse", temp.Path, $$"""{"path":"a.json","outputs":[{"name":"out","fromExpression":"{{expression}}"}]}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal(expected, result.Output!["out"]?.ToJsonString() ?? "null");
    }

    [Fact]
    public async Task RunAsync_LaterOutputWithSameName_Overwrites()
    {
        File.WriteAllText(temp.Combine("a.json"), """[1, 2, 3]""");

        var result = await StepRun.RunAsync("json-parse", temp.Path, """{"path":"a.json","outputs":[{"name":"x","fromExpression":"$env[0]"},{"name":"x","fromExpression":"sum($env)"}]}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal("6.0", result.Output!["x"]!.ToJsonString());
        Assert.Single(result.Output);
    }

    [Theory]
    [InlineData("empty file", "", "could not parse JSON file: unexpected end of JSON input")]
    [InlineData("bad json", "{\"a\":", "could not parse JSON file: ")]
    public async Task RunAsync_BadFile_Errors(string scenario, string contents, string prefix)
    {
        Assert.NotNull(scenario);
        File.WriteAllText(temp.Combine("bad.json"), contents);

        var result = await StepRun.RunAsync("json-parse", temp.Path, """{"path":"bad.json","outputs":[{"name":"a","fromExpression":"a"}]}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.StartsWith(prefix, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InvalidConfig_FailsTerminally()
    {
        var result = await StepRun.RunAsync("json-parse", temp.Path, """{"path":"","outputs":[{"fromExpression":""}],"extra":1}""");

        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.Equal(
            "invalid json-parse config: (root): Additional property extra is not allowed\npath: String length must be greater than or equal to 1\noutputs.0: name is required\noutputs.0.fromExpression: String length must be greater than or equal to 1",
            result.Message);
    }
}
