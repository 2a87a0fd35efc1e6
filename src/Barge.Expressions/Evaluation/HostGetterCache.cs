namespace Barge.Expressions.Evaluation;

/// <summary>
/// A member access's memory of the last host type it read and that type's getter (a monomorphic
/// inline cache). It is replaced as a whole, never mutated, so concurrent runs see either the old
/// or the new entry, both valid.
/// </summary>
internal sealed record HostGetterCache(Type Type, Func<object, object?> Getter);
