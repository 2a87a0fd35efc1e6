namespace Barge.Expressions.Templates;

/// <summary>A piece of a parsed template: literal text, or an expression (its source in <see cref="Text"/>) compiled once.</summary>
internal sealed record TemplatePart(string Text, CompiledExpression? Expression);
