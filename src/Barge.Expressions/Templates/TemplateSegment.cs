namespace Barge.Expressions.Templates;

/// <summary>A piece of a template: literal text, or an expression body (<see cref="IsExpression"/>) at <see cref="Offset"/>.</summary>
internal readonly record struct TemplateSegment(string Text, bool IsExpression, int Offset);
