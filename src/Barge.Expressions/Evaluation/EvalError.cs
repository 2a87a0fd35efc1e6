namespace Barge.Expressions.Evaluation;

/// <summary>
/// A run-time failure of an expression. Thrown inside evaluation, given the source position of the
/// node that failed, and turned into an <see cref="ExpressionException"/> by <see cref="CompiledExpression"/>.
/// </summary>
internal sealed class EvalError : Exception
{
    public EvalError(string reason, int position = -1)
        : base(reason)
    {
        Reason = reason;
        Position = position;
    }

    public EvalError()
    {
        Reason = string.Empty;
    }

    public EvalError(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    public string Reason { get; }

    /// <summary>UTF-16 offset of the failing node, or -1 until a node claims it.</summary>
    public int Position { get; } = -1;

    public EvalError At(int position) => Position >= 0 ? this : new EvalError(Reason, position);
}
