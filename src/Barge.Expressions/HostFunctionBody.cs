namespace Barge.Expressions;

/// <summary>
/// The implementation of a host function. Arguments arrive already checked against the declared
/// parameters (ints as <see cref="long"/>, floats as <see cref="double"/>, lists and maps as the
/// engine holds them). An expected failure is reported by throwing <see cref="ExpressionFunctionException"/>.
/// </summary>
public delegate object? HostFunctionBody(ReadOnlySpan<object?> arguments);
