namespace Barge.Expressions.Syntax;

/// <summary>
/// A lexing, parsing or checking failure at a source offset. Internal: it is caught once by
/// <see cref="Expr.Compile(string, ExprOptions?)"/> and rendered into an <see cref="ExpressionException"/>.
/// </summary>
internal sealed class SyntaxError : Exception
{
    public SyntaxError(string reason, int position)
        : base(reason)
    {
        Reason = reason;
        Position = position;
    }

    public SyntaxError()
    {
        Reason = string.Empty;
    }

    public SyntaxError(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    public string Reason { get; }

    /// <summary>UTF-16 offset in the source, or -1 when the failure has no place (limits).</summary>
    public int Position { get; } = -1;
}
