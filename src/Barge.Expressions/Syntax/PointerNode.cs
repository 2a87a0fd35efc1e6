namespace Barge.Expressions.Syntax;

/// <summary><c>#</c> (empty name), <c>#index</c>, <c>#acc</c> or <c>#name</c> inside a predicate.</summary>
internal sealed record PointerNode(string Name, int Position) : Node(Position);
