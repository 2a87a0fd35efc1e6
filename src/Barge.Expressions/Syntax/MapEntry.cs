namespace Barge.Expressions.Syntax;

/// <summary>One <c>key: value</c> of a map literal; <see cref="ComputedKey"/> when written <c>(expr)</c>.</summary>
internal sealed record MapEntry(Node Key, Node Value, bool ComputedKey);
