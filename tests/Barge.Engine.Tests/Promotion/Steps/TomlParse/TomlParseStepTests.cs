using Barge.Engine.Promotion;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.TomlParse;

public sealed class TomlParseStepTests : IDisposable
{
    private readonly TempDirectory temp = new("toml-parse");

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("integer stays integer", "num", "42")]
    [InlineData("float", "ratio", "1.5")]
    [InlineData("integer array", "items", "[1,2]")]
    [InlineData("table value", "server.host", "\"localhost\"")]
    [InlineData("array of tables", "products[1].name", "\"nail\"")]
    [InlineData("integer arithmetic", "num + 1", "43")]
    [InlineData("date-time is a time", "released.Year()", "2024")]
    public async Task RunAsync_Expression_ExtractsTypedValue(string scenario, string expression, string expected)
    {
        Assert.NotNull(scenario);
        File.WriteAllText(temp.Combine("a.toml"), """
            num = 42
            ratio = 1.5
            items = [1, 2]
            released = 2024-05-01T10:00:00Z

            [server]
            host = "localhost"

            [[products]]
            name = "hammer"

            [[products]]
            name = "nail"
            """);

        var result = await StepRun.RunAsync("toml-parse", temp.Path, $$"""{"path":"a.toml","outputs":[{"name":"out","fromExpression":"{{expression}}"}]}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal(expected, result.Output!["out"]?.ToJsonString() ?? "null");
    }

    [Theory]
    [InlineData("empty file", "  \n", "could not parse empty TOML file: \"")]
    [InlineData("bad toml", "a = = 1\n", "could not parse TOML file: ")]
    [InlineData("duplicate key", "a = 1\na = 2\n", "could not parse TOML file: ")]
    public async Task RunAsync_BadFile_Errors(string scenario, string contents, string prefix)
    {
        Assert.NotNull(scenario);
        File.WriteAllText(temp.Combine("bad.toml"), contents);

        var result = await StepRun.RunAsync("toml-parse", temp.Path, """{"path":"bad.toml","outputs":[{"name":"a","fromExpression":"a"}]}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.StartsWith(prefix, result.Message, StringComparison.Ordinal);
    }
}
