namespace Barge.Expressions;

/// <summary>
/// Thrown by a <see cref="HostFunctionBody"/> for an expected failure ("name must not be empty");
/// the engine reports it as an <see cref="ExpressionException"/> at the call's position.
/// </summary>
public sealed class ExpressionFunctionException : Exception
{
    public ExpressionFunctionException()
    {
    }

    public ExpressionFunctionException(string message)
        : base(message)
    {
    }

    public ExpressionFunctionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
