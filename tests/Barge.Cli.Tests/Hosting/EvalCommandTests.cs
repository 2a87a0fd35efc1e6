using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Hosting;

public sealed class EvalCommandTests : IDisposable
{
    private readonly TempDirectory _home = new("cli");

    public void Dispose() => _home.Dispose();

    [Theory]
    [InlineData("arithmetic", new[] { "eval", "1 + 2" }, 0, "3\n")]
    [InlineData("environment", new[] { "eval", "ctx.stage + '!'", "--env", "{\"ctx\":{\"stage\":\"dev\"}}" }, 0, "\"dev!\"\n")]
    [InlineData("template", new[] { "eval", "--template", "v${{ 1 + 1 }}" }, 0, "\"v2\"\n")]
    public async Task Eval_Expression_PrintsTheValueAsJson(string row, string[] args, int exitCode, string output)
    {
        var result = await new BargeRun(_home.Path).RunAsync(args);

        Assert.True(result.ExitCode == exitCode, row + ": " + result);
        Assert.Equal(output, result.Output);
    }

    [Theory]
    [InlineData("bad-env", new[] { "eval", "1", "--env", "{not json" }, 2)]
    [InlineData("nothing-to-evaluate", new[] { "eval" }, 2)]
    [InlineData("failing-expression", new[] { "eval", "1 / nope()" }, 1)]
    public async Task Eval_BadInput_FailsWithOneErrorLine(string row, string[] args, int exitCode)
    {
        var result = await new BargeRun(_home.Path).RunAsync(args);

        Assert.True(result.ExitCode == exitCode, row + ": " + result);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Eval_JsonLines_AnswersEveryLine()
    {
        var result = await new BargeRun(_home.Path).RunWithInputAsync("{\"expr\":\"1 + 1\"}\n{\"template\":\"${{ x }}\",\"env\":{\"x\":\"y\"}}\n", "eval", "--jsonl");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("{\"value\":2}\n{\"value\":\"y\"}\n", result.Output);
    }

    [Fact]
    public async Task Eval_WithServerSet_StillEvaluatesLocally()
    {
        var result = await new BargeRun(_home.Path).With("BARGE_SERVER", "http://127.0.0.1:1").RunAsync("eval", "2 * 21");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("42\n", result.Output);
    }
}
