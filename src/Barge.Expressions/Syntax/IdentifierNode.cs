namespace Barge.Expressions.Syntax;

/// <summary>A variable: a <c>let</c> name or an environment entry (<c>$env</c> is the whole environment).</summary>
internal sealed record IdentifierNode(string Name, int Position) : Node(Position);
