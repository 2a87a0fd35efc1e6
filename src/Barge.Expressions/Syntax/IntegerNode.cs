namespace Barge.Expressions.Syntax;

internal sealed record IntegerNode(long Value, int Position) : Node(Position);
