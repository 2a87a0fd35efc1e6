using System.Globalization;
using Barge.Expressions.Checking;
using Barge.Expressions.Evaluation;
using Barge.Expressions.Parsing;
using Barge.Expressions.Syntax;

namespace Barge.Expressions;

/// <summary>
/// The entry point of the expr-lang compatible engine: parse → check → compile, once; then run
/// the <see cref="CompiledExpression"/> as often as needed.
/// </summary>
public static class Expr
{
    /// <summary>Compiles <paramref name="source"/> (expr syntax, no <c>${{ }}</c> delimiters).</summary>
    /// <exception cref="ExpressionException">The source is invalid, rendered with position and caret line.</exception>
    public static CompiledExpression Compile(string source, ExprOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= ExprOptions.Default;
        if (source.Length > options.MaxSourceLength)
        {
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"expression is too long: {source.Length} characters (the limit is {options.MaxSourceLength})");
            throw new ExpressionException(reason, reason, 0, 0);
        }
        try
        {
            var tree = Parser.Parse(source, options);
            Checker.Check(tree, options);
            var (root, slots) = Compiler.Compile(tree, options);
            return new CompiledExpression(source, root, slots, options);
        }
        catch (SyntaxError e)
        {
            throw ErrorRenderer.Render(source, e.Reason, e.Position);
        }
    }

    /// <summary>Compiles and runs once (convenient for one-off evaluation; prefer compiling once).</summary>
    public static object? Evaluate(string source, IReadOnlyDictionary<string, object?>? environment = null, ExprOptions? options = null) =>
        Compile(source, options).Evaluate(environment);
}
