namespace Barge.Expressions.Syntax;

internal sealed record StringNode(string Value, int Position) : Node(Position);
