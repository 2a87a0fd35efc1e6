namespace Barge.Engine.Operations;

/// <summary>
/// The outcome of an operation on the pipeline: success (with <see cref="Changed"/> false when the
/// request was already satisfied and nothing was written) or the reason it was refused.
/// </summary>
/// <param name="Failure">Why it was refused; <see cref="OperationFailure.None"/> on success.</param>
/// <param name="Message">What was done, or the error naming the object.</param>
/// <param name="Changed">Whether anything was written.</param>
public sealed record OperationResult(OperationFailure Failure, string Message, bool Changed)
{
    public bool Succeeded => Failure == OperationFailure.None;

    public static OperationResult Done(string message) => new(OperationFailure.None, message, true);

    public static OperationResult Unchanged(string message) => new(OperationFailure.None, message, false);

    public static OperationResult Fail(OperationFailure failure, string message) => new(failure, message, false);
}
