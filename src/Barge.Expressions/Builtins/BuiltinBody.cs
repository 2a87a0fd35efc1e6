using Barge.Expressions.Evaluation;

namespace Barge.Expressions.Builtins;

/// <summary>A builtin's implementation over evaluated arguments; failures throw <see cref="EvalError"/>.</summary>
internal delegate object? BuiltinBody(ReadOnlySpan<object?> arguments, Frame frame);
