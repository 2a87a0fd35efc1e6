namespace Barge.Expressions.Syntax;

/// <summary><c>a; b; c</c>: every item is evaluated, the last one is the value.</summary>
internal sealed record SequenceNode(IReadOnlyList<Node> Items, int Position) : Node(Position);
