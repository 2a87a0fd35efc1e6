using System.Diagnostics.CodeAnalysis;
using Barge.Expressions;

namespace Barge.Engine.Discovery;

/// <summary>
/// An expr-lang expression used as a yes/no test (a subscription's <c>expressionFilter</c>, a
/// Warehouse's <c>freightCreationCriteria.expression</c>). As Kargo, the result must be a bool or a
/// string Go's <c>strconv.ParseBool</c> accepts; anything else is an error naming the expression.
/// </summary>
internal sealed class ExpressionPredicate
{
    private readonly CompiledExpression _compiled;
    private readonly string _what;

    private ExpressionPredicate(CompiledExpression compiled, string what)
    {
        _compiled = compiled;
        _what = what;
    }

    /// <summary>Compiles <paramref name="source"/>; <paramref name="what"/> names it in errors (e.g. <c>expressionFilter</c>).</summary>
    public static bool TryCompile(string source, string what, ExprOptions? options, [NotNullWhen(true)] out ExpressionPredicate? predicate, [NotNullWhen(false)] out string? error)
    {
        try
        {
            predicate = new ExpressionPredicate(Expr.Compile(source, options), what);
            error = null;
            return true;
        }
        catch (ExpressionException e)
        {
            predicate = null;
            error = $"{what}: error compiling expression: {e.Message}";
            return false;
        }
    }

    /// <summary>Evaluates the expression; false with <paramref name="error"/> when it fails or is not a bool.</summary>
    public bool TryTest(IReadOnlyDictionary<string, object?>? environment, out bool result, [NotNullWhen(false)] out string? error)
    {
        object? value;
        try
        {
            value = _compiled.Evaluate(environment);
        }
        catch (ExpressionException e)
        {
            result = false;
            error = $"{_what}: error evaluating expression: {e.Message}";
            return false;
        }
        switch (value)
        {
            case bool b:
                result = b;
                error = null;
                return true;
            case string s when TryParseGoBool(s, out var parsed):
                result = parsed;
                error = null;
                return true;
            default:
                result = false;
                error = $"{_what}: expression result \"{value}\" is not a bool";
                return false;
        }
    }

    /// <summary>Go's <c>strconv.ParseBool</c>.</summary>
    public static bool TryParseGoBool(string text, out bool value)
    {
        switch (text)
        {
            case "1" or "t" or "T" or "TRUE" or "true" or "True":
                value = true;
                return true;
            case "0" or "f" or "F" or "FALSE" or "false" or "False":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
