namespace Barge.Engine.Operations;

/// <summary>
/// The outcome of promoting Freight to the Stages downstream of one: the Promotions created, and either
/// the reason nothing was created (<see cref="Failure"/>, <see cref="Message"/>) or, when some creations
/// failed after the checks passed, their errors (Kargo's 207 Multi-Status).
/// </summary>
public sealed record DownstreamResult(
    OperationFailure Failure,
    string Message,
    IReadOnlyList<Barge.Resources.Model.Promotion> Promotions,
    IReadOnlyList<string> Errors)
{
    public bool Succeeded => Failure == OperationFailure.None;

    public static DownstreamResult Fail(OperationFailure failure, string message) => new(failure, message, [], []);
}
