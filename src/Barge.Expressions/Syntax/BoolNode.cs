namespace Barge.Expressions.Syntax;

internal sealed record BoolNode(bool Value, int Position) : Node(Position);
