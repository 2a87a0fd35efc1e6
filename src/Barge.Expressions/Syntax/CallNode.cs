namespace Barge.Expressions.Syntax;

/// <summary>
/// A call of a function by name: a host function, a builtin (<see cref="ForceBuiltin"/> for
/// <c>::name()</c>) or, when the name is neither, a call of an environment value.
/// </summary>
internal sealed record CallNode(string Name, IReadOnlyList<Node> Arguments, bool ForceBuiltin, int Position) : Node(Position);
