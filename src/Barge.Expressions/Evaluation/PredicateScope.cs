namespace Barge.Expressions.Evaluation;

/// <summary>The frame slots of one predicate's <c>#</c>, <c>#index</c> and <c>#acc</c>.</summary>
internal sealed record PredicateScope(int ElementSlot, int IndexSlot, int AccumulatorSlot, bool AllowsIndex, bool AllowsAccumulator);
