namespace Barge.Expressions.Syntax;

/// <summary>
/// <c>x.name</c>, <c>x?.name</c>, <c>x[i]</c> or <c>x?.[i]</c>. <see cref="IsName"/> is true for the
/// dotted form (the property is then a <see cref="StringNode"/>).
/// </summary>
internal sealed record MemberNode(Node Target, Node Property, bool Optional, bool IsName, int Position) : Node(Position);
