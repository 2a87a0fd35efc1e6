using Barge.Expressions.Evaluation;
using Barge.Expressions.Syntax;

namespace Barge.Expressions;

/// <summary>
/// A compiled expression: immutable, and safe to evaluate from many threads at once. Evaluate it
/// against an environment of variables (maps, lists, scalars, host objects); names it does not
/// find are nil, as in expr's Dynamic mode.
/// </summary>
public sealed class CompiledExpression
{
    private readonly Eval _root;
    private readonly int _slotCount;
    private readonly ExprOptions _options;

    internal CompiledExpression(string source, Eval root, int slotCount, ExprOptions options)
    {
        Source = source;
        _root = root;
        _slotCount = slotCount;
        _options = options;
    }

    /// <summary>The source text as compiled.</summary>
    public string Source { get; }

    /// <summary>
    /// Runs the expression. Environment values may be <see cref="string"/>, <see cref="bool"/>, any
    /// .NET number (integers become expr ints, others floats), lists, string-keyed dictionaries,
    /// System.Text.Json nodes, <see cref="DateTimeOffset"/>, <see cref="TimeSpan"/> and host objects
    /// (read by exact property name). The result uses the same shapes: <c>null</c>, <see cref="bool"/>,
    /// <see cref="long"/>, <see cref="double"/>, <see cref="string"/>, lists and maps.
    /// </summary>
    /// <exception cref="ExpressionException">The expression failed at run time (rendered with position).</exception>
    public object? Evaluate(IReadOnlyDictionary<string, object?>? environment = null)
    {
        var frame = Frame.Rent(environment, _slotCount, _options);
        try
        {
            var result = _root(frame);
            return ReferenceEquals(result, Compiler.ChainSkip) ? null : result;
        }
        catch (EvalError e)
        {
            throw ErrorRenderer.Render(Source, e.Reason, e.Position);
        }
        finally
        {
            Frame.Return(frame);
        }
    }
}
