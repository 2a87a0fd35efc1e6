namespace Barge.Expressions.Tests;

/// <summary>Test helper: evaluates source against a JSON environment and renders the result as corpus JSON.</summary>
internal static class Eval
{
    public static string Json(string source, string env = "{}", ExprOptions? options = null)
    {
        var environment = (IReadOnlyDictionary<string, object?>)ExprJson.Parse(env)!;
        return ExprJson.Format(Expr.Compile(source, options).Evaluate(environment));
    }

    public static ExpressionException Error(string source, string env = "{}", ExprOptions? options = null)
    {
        var environment = (IReadOnlyDictionary<string, object?>)ExprJson.Parse(env)!;
        try
        {
            var value = Expr.Compile(source, options).Evaluate(environment);
            throw new InvalidOperationException($"expected {source} to fail, got {ExprJson.Format(value)}");
        }
        catch (ExpressionException e)
        {
            return e;
        }
    }
}
