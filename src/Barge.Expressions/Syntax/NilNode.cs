namespace Barge.Expressions.Syntax;

internal sealed record NilNode(int Position) : Node(Position);
