namespace Barge.Expressions.Syntax;

/// <summary>The closure argument of a predicate builtin (<c>filter(xs, # > 1)</c>, <c>map(xs, {…})</c>).</summary>
internal sealed record PredicateNode(Node Body, bool Braced, int Position) : Node(Position);
