namespace Barge.Expressions.Parsing;

/// <summary>How a predicate builtin's arguments are laid out after the collection.</summary>
internal enum PredicateShape
{
    None,

    /// <summary><c>f(collection, predicate)</c>.</summary>
    Required,

    /// <summary><c>f(collection[, predicate])</c> (<c>count</c>, <c>sum</c>).</summary>
    OptionalPredicate,

    /// <summary><c>f(collection, predicate[, expression])</c> (<c>sortBy</c>, <c>reduce</c>).</summary>
    WithOptionalArgument,
}
