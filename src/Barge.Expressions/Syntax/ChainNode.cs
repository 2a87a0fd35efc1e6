namespace Barge.Expressions.Syntax;

/// <summary>
/// Delimits an optional chain: a <c>?.</c> whose left side is nil makes the whole chain nil.
/// </summary>
internal sealed record ChainNode(Node Inner, int Position) : Node(Position);
