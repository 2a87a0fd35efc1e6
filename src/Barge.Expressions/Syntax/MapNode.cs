namespace Barge.Expressions.Syntax;

/// <summary>A map literal; a key is a <see cref="StringNode"/> unless it was written <c>(expr)</c>.</summary>
internal sealed record MapNode(IReadOnlyList<MapEntry> Entries, int Position) : Node(Position);
