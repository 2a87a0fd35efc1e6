namespace Barge.Expressions.Builtins;

/// <summary>A non-predicate builtin: its name, arity range and implementation.</summary>
internal sealed record BuiltinFunction(string Name, int MinArgs, int MaxArgs, BuiltinBody Body);
