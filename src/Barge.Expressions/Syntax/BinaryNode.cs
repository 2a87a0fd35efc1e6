namespace Barge.Expressions.Syntax;

/// <summary>A binary operator as written (<c>and</c> and <c>&amp;&amp;</c> stay distinct for printing).</summary>
internal sealed record BinaryNode(string Operator, Node Left, Node Right, int Position) : Node(Position);
