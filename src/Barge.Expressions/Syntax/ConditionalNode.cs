namespace Barge.Expressions.Syntax;

/// <summary><c>c ? a : b</c>, the elvis <c>c ?: b</c> (<see cref="Elvis"/>), or <c>if c {a} else {b}</c>.</summary>
internal sealed record ConditionalNode(Node Condition, Node Then, Node Else, bool IsIf, bool Elvis, int Position) : Node(Position);
