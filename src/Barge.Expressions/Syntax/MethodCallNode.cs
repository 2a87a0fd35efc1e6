namespace Barge.Expressions.Syntax;

/// <summary><c>value.name(args)</c>: a method of a host value (times, durations, .NET objects).</summary>
internal sealed record MethodCallNode(Node Target, string Name, bool Optional, IReadOnlyList<Node> Arguments, int Position) : Node(Position);
