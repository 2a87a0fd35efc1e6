namespace Barge.Expressions.Syntax;

internal sealed record FloatNode(double Value, int Position) : Node(Position);
