namespace Barge.Expressions;

/// <summary>
/// An expression failed to compile or to run. <see cref="Exception.Message"/> is rendered as expr
/// renders it: the reason, the position and a caret line under the source
/// (<c>unexpected token Bracket(")") (1:11)\n | foo(bar, ))\n | ..........^</c>).
/// </summary>
public sealed class ExpressionException : Exception
{
    public ExpressionException()
    {
        Reason = string.Empty;
    }

    public ExpressionException(string message)
        : base(message)
    {
        Reason = message;
    }

    public ExpressionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    internal ExpressionException(string rendered, string reason, int line, int column)
        : base(rendered)
    {
        Reason = reason;
        Line = line;
        Column = column;
    }

    /// <summary>The failure without position or source excerpt ("unexpected token …").</summary>
    public string Reason { get; }

    /// <summary>1-based line of the failure, or 0 when it has no place in the source (a limit).</summary>
    public int Line { get; }

    /// <summary>1-based column (in characters) of the failure, or 0 when it has no place.</summary>
    public int Column { get; }
}
