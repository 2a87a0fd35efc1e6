using System.Diagnostics;
using System.Text;
using Xunit;

namespace Barge.Expressions.Tests;

/// <summary>Every limit of <see cref="ExprOptions"/>: hostile input ends in a clear error, quickly.</summary>
public sealed class ExprOptionsTests
{
    [Fact]
    public void Compile_SourceOverMaxLength_Fails()
    {
        var source = new string(' ', 1_048_576) + "1";
        var error = Assert.Throws<ExpressionException>(() => Expr.Compile(source));
        Assert.Contains("expression is too long", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_TooManyNodes_Fails()
    {
        var source = string.Join(" + ", Enumerable.Repeat("1", 6000));
        var error = Assert.Throws<ExpressionException>(() => Expr.Compile(source, new ExprOptions { MaxDepth = 100_000 }));
        Assert.Contains("exceeds maximum allowed nodes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parentheses", "(", ")")]
    [InlineData("arrays", "[", "]")]
    [InlineData("unary", "-", "")]
    [InlineData("calls", "abs(", ")")]
    public void Compile_TenThousandNestingLevels_FailsWithoutStackOverflow(string name, string open, string close)
    {
        _ = name;
        var source = new StringBuilder().Insert(0, open, 10_000).Append('1').Insert(10_000 * open.Length + 1, close, 10_000).ToString();
        var error = Assert.Throws<ExpressionException>(() => Expr.Compile(source));
        Assert.Contains("nested too deeply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_LongOperatorChainWithinNodeLimit_FailsOnDepthNotStack()
    {
        var source = string.Join("+", Enumerable.Repeat("1", 4000));
        var error = Assert.Throws<ExpressionException>(() => Expr.Compile(source));
        Assert.Contains("nested too deeply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ChainBelowDepthLimit_Evaluates()
    {
        var source = string.Join("+", Enumerable.Repeat("1", 400));
        Assert.Equal(400L, Expr.Compile(source).Evaluate());
    }

    [Theory]
    [InlineData("huge-map", "1..1000000000 | map(# * 2)")]
    [InlineData("range", "len(1..10000000)")]
    [InlineData("negative-range", "-999999..999999")]
    [InlineData("nested-maps", "map(1..100, {map(1..100, {map(1..100, {0})})})")]
    [InlineData("map-half-million", "map(1..500000, #)")]
    [InlineData("repeat", "repeat('ab', 999999)")]
    public void Evaluate_OverMemoryBudget_FailsQuickly(string name, string source)
    {
        _ = name;
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<ExpressionException>(() => Expr.Compile(source).Evaluate());
        Assert.Contains("memory budget exceeded", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Evaluate_RangeJustUnderBudget_Succeeds()
    {
        Assert.Equal(999_999L, Expr.Compile("len(1..999999)").Evaluate());
    }

    [Fact]
    public void Evaluate_QuadraticLoopOverStepBudget_FailsQuickly()
    {
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<ExpressionException>(() =>
            Expr.Compile("let r = 1..500000; any(r, {any(r, {# < 0})})").Evaluate());
        Assert.Contains("step budget exceeded", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Evaluate_SmallerBudgets_AreHonoured()
    {
        var options = new ExprOptions { MemoryBudget = 100, StepBudget = 50 };
        Assert.Contains("memory budget", Assert.Throws<ExpressionException>(() => Expr.Compile("1..200", options).Evaluate()).Message, StringComparison.Ordinal);
        Assert.Contains("step budget", Assert.Throws<ExpressionException>(() => Expr.Compile("count(1..60, true)", options).Evaluate()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DeeplyNestedData_FlattenFailsCleanly()
    {
        object? nested = new List<object?> { 1L };
        for (var i = 0; i < 20_000; i++)
        {
            nested = new List<object?> { nested };
        }
        var env = new Dictionary<string, object?> { ["x"] = nested };
        var error = Assert.Throws<ExpressionException>(() => Expr.Compile("flatten(x)").Evaluate(env));
        Assert.Contains("nested too deeply", error.Message, StringComparison.Ordinal);
    }
}
