namespace Barge.Expressions.Syntax;

/// <summary>An expression tree node; <see cref="Position"/> is the UTF-16 offset errors point at.</summary>
internal abstract record Node(int Position);
