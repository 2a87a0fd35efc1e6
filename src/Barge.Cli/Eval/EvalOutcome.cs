namespace Barge.Cli.Eval;

/// <summary>
/// The result of one evaluation: <see cref="ValueJson"/> (the value in the corpus JSON convention)
/// when it succeeded, otherwise <see cref="Error"/>; <see cref="IsUsageError"/> marks bad input
/// (malformed environment or request) as opposed to an expression that failed.
/// </summary>
internal sealed record EvalOutcome(string? ValueJson, string? Error, bool IsUsageError)
{
    public bool Succeeded => Error is null;

    public static EvalOutcome Value(string json) => new(json, null, false);

    public static EvalOutcome Failed(string error) => new(null, error, false);

    public static EvalOutcome Usage(string error) => new(null, error, true);
}
