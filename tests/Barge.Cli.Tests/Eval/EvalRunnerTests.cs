using System.Text;
using Barge.Cli.Eval;
using Xunit;

namespace Barge.Cli.Tests.Eval;

public sealed class EvalRunnerTests
{
    private readonly EvalRunner _runner = new();

    [Theory]
    [InlineData("int-arithmetic", "1 + 2", null, "3")]
    [InlineData("float-keeps-point", "4 / 2", null, "2.0")]
    [InlineData("env-int", "n * 2", """{"n": 21}""", "42")]
    [InlineData("env-float", "n * 2", """{"n": 21.0}""", "42.0")]
    [InlineData("map-sorted-keys", "{b: 1, a: [1.5, nil]}", null, """{"a":[1.5,null],"b":1}""")]
    [InlineData("undefined-is-nil", "missing", "{}", "null")]
    [InlineData("big-float", "1e21", null, "1e+21")]
    public void Evaluate_Expression_RendersCorpusJson(string name, string expression, string? env, string expected)
    {
        _ = name;
        var outcome = _runner.Evaluate(new EvalRequest(expression, null, env));
        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(expected, outcome.ValueJson);
    }

    [Fact]
    public void Evaluate_Template_RendersCoercedValue()
    {
        var outcome = _runner.Evaluate(new EvalRequest(null, "${{ 40 + n }}", """{"n": 2}"""));
        Assert.Equal("42.0", outcome.ValueJson);
        Assert.Equal("\"a-1\"", _runner.Evaluate(new EvalRequest(null, "a-${{ 1 }}", null)).ValueJson);
    }

    [Theory]
    [InlineData("both", "1", "x", null)]
    [InlineData("neither", null, null, null)]
    [InlineData("env-not-object", "1", null, "[1]")]
    [InlineData("env-not-json", "1", null, "{nope")]
    public void Evaluate_BadRequest_IsUsageError(string name, string? expression, string? template, string? env)
    {
        _ = name;
        var outcome = _runner.Evaluate(new EvalRequest(expression, template, env));
        Assert.False(outcome.Succeeded);
        Assert.True(outcome.IsUsageError);
    }

    [Fact]
    public void Evaluate_FailingExpression_GivesRenderedError()
    {
        var outcome = _runner.Evaluate(new EvalRequest("foo(bar, ))", null, null));
        Assert.False(outcome.IsUsageError);
        Assert.Equal("unexpected token Bracket(\")\") (1:11)\n | foo(bar, ))\n | ..........^", outcome.Error);
    }

    [Fact]
    public async Task RunJsonLinesAsync_MixedLines_AnswersEachLine()
    {
        var input = new StringReader(string.Join('\n',
            """{"expr": "x + 1", "env": {"x": 1}}""",
            "",
            """{"template": "${{ x }}-y", "env": {"x": 1.5}}""",
            """{"expr": "1 % 0"}"""));
        var output = new StringWriter();
        var exit = await _runner.RunJsonLinesAsync(input, output, CancellationToken.None);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exit);
        Assert.Equal(3, lines.Length);
        Assert.Equal("""{"value":2}""", lines[0]);
        Assert.Equal("""{"value":"1.5-y"}""", lines[1]);
        Assert.StartsWith("""{"error":"integer divide by zero""", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunJsonLinesAsync_MalformedLine_AnswersErrorAndExitsTwo()
    {
        var input = new StringReader("not json\n{\"expr\": 5}\n{\"expr\": \"1\"}\n");
        var output = new StringWriter();
        var exit = await _runner.RunJsonLinesAsync(input, output, CancellationToken.None);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, exit);
        Assert.StartsWith("{\"error\":", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("{\"error\":", lines[1], StringComparison.Ordinal);
        Assert.Equal("{\"value\":1}", lines[2]);
    }

    [Fact]
    public async Task RunJsonLinesAsync_InvalidUtf8_ReportsAndStops()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"expr\": \"'").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("'\"}\n")).ToArray();
        using var reader = EvalRunner.OpenStrictUtf8(new MemoryStream(bytes));
        var output = new StringWriter();
        var exit = await _runner.RunJsonLinesAsync(reader, output, CancellationToken.None);
        Assert.Equal(2, exit);
        Assert.Contains("not valid UTF-8", output.ToString(), StringComparison.Ordinal);
    }
}
