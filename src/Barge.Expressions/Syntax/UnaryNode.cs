namespace Barge.Expressions.Syntax;

/// <summary><c>-x</c>, <c>+x</c>, <c>!x</c> or <c>not x</c>.</summary>
internal sealed record UnaryNode(string Operator, Node Operand, int Position) : Node(Position);
