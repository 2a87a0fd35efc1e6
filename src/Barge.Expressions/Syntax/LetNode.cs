namespace Barge.Expressions.Syntax;

/// <summary><c>let name = value; body</c>.</summary>
internal sealed record LetNode(string Name, Node Value, Node Body, int Position) : Node(Position);
