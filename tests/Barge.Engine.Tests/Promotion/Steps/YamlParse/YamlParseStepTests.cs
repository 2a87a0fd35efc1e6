using Barge.Engine.Promotion;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.YamlParse;

public sealed class YamlParseStepTests : IDisposable
{
    private readonly TempDirectory temp = new("yaml-parse");

    public void Dispose()
    {
        StepRun.RemoveLinks(temp.Path);
        temp.Dispose();
    }

    [Theory]
    [InlineData("no path", """{"outputs":[{"name":"a","fromExpression":"a"}]}""", "invalid yaml-parse config: (root): path is required")]
    [InlineData("no outputs", """{"path":"a.yaml"}""", "invalid yaml-parse config: (root): outputs is required")]
    [InlineData("empty outputs", """{"path":"a.yaml","outputs":[]}""", "invalid yaml-parse config: outputs: Array must have at least 1 items")]
    [InlineData("output without expression", """{"path":"a.yaml","outputs":[{"name":"a"}]}""", "invalid yaml-parse config: outputs.0: fromExpression is required")]
    [InlineData("empty name", """{"path":"a.yaml","outputs":[{"name":"","fromExpression":"a"}]}""", "invalid yaml-parse config: outputs.0.name: String length must be greater than or equal to 1")]
    public async Task RunAsync_InvalidConfig_FailsTerminally(string scenario, string config, string message)
    {
        Assert.NotNull(scenario);
        var result = await StepRun.RunAsync("yaml-parse", temp.Path, config);

        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.True(result.Terminal);
        Assert.Equal(message, result.Message);
    }

    [Theory]
    [InlineData("string", "app.version", "\"1.0.0\"")]
    [InlineData("number is a float", "config.threshold", "10.0")]
    [InlineData("bool", "features.enabled", "true")]
    [InlineData("missing key is nil", "missingKey", "null")]
    [InlineData("optional chaining", "missing?.path ?? 'default'", "\"default\"")]
    [InlineData("anchor resolved", "copy.name", "\"base\"")]
    [InlineData("merge key", "merged.name + '/' + merged.extra", "\"base/x\"")]
    [InlineData("quoted number stays string", "config.quoted", "\"8080\"")]
    [InlineData("env", "len($env)", "6")]
    [InlineData("list", "app.list[1]", "2.0")]
    public async Task RunAsync_Expression_ExtractsValue(string scenario, string expression, string expected)
    {
        Assert.NotNull(scenario);
        File.WriteAllText(temp.Combine("values.yaml"), """
            app:
              version: "1.0.0"
              list: [1, 2]
            config:
              threshold: 10
              quoted: "8080"
            features:
              enabled: true
            base: &base
              name: base
            copy: *base
            merged:
              <<: *base
              extra: x
            ---
            second: document
            """);

        var result = await StepRun.RunAsync("yaml-parse", temp.Path, $$"""{"path":"values.yaml","outputs":[{"name":"out","fromExpression":{{System.Text.Json.JsonSerializer.Serialize(expression)}}}]}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal(expected, result.Output!["out"]?.ToJsonString() ?? "null");
    }

    [Fact]
    public async Task RunAsync_ListRoot_EnvIsTheList()
    {
        File.WriteAllText(temp.Combine("list.yaml"), "- a\n- b\n- '$env'\n");

        var result = await StepRun.RunAsync("yaml-parse", temp.Path, """{"path":"list.yaml","outputs":[{"name":"first","fromExpression":"$env[0]"},{"name":"n","fromExpression":"len($env)"},{"name":"literal","fromExpression":"'$env' == $env[2]"}]}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal("\"a\"", result.Output!["first"]!.ToJsonString());
        Assert.Equal("3", result.Output["n"]!.ToJsonString());
        Assert.Equal("true", result.Output["literal"]!.ToJsonString());
    }

    [Theory]
    [InlineData("empty file", "", "could not parse empty YAML file: \"")]
    [InlineData("bad yaml", "a: [1, 2\n", "could not parse YAML file: ")]
    public async Task RunAsync_BadFile_Errors(string scenario, string contents, string prefix)
    {
        Assert.NotNull(scenario);
        File.WriteAllText(temp.Combine("bad.yaml"), contents);

        var result = await StepRun.RunAsync("yaml-parse", temp.Path, """{"path":"bad.yaml","outputs":[{"name":"a","fromExpression":"a"}]}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.StartsWith(prefix, result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compile error", "a +", "failed to extract outputs: error compiling expression \"a +\": ")]
    [InlineData("nil member access", "nonexistent.path", "failed to extract outputs: error evaluating expression \"nonexistent.path\": ")]
    public async Task RunAsync_BadExpression_Errors(string scenario, string expression, string prefix)
    {
        Assert.NotNull(scenario);
        File.WriteAllText(temp.Combine("a.yaml"), "a: 1\n");

        var result = await StepRun.RunAsync("yaml-parse", temp.Path, $$"""{"path":"a.yaml","outputs":[{"name":"a","fromExpression":"{{expression}}"}]}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.StartsWith(prefix, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingFile_ErrorsWithAbsolutePath()
    {
        var result = await StepRun.RunAsync("yaml-parse", temp.Path, """{"path":"../../etc/hostname","outputs":[{"name":"a","fromExpression":"a"}]}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.StartsWith($"error reading YAML file \"{temp.Combine("etc", "hostname")}\": ", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AliasBomb_DoesNotExpand()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + string.Join('\n', Enumerable.Range(0, 20).Select(i => $"{(char)('b' + i)}: &{(char)('b' + i)} [{string.Join(", ", Enumerable.Repeat("*" + (char)('a' + i), 10))}]")) + "\n";
        File.WriteAllText(temp.Combine("bomb.yaml"), bomb);

        var result = await StepRun.RunAsync("yaml-parse", temp.Path, """{"path":"bomb.yaml","outputs":[{"name":"n","fromExpression":"len(u)"}]}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal("10", result.Output!["n"]!.ToJsonString());
    }
}
