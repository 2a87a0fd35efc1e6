namespace Barge.Engine.Controllers;

/// <summary>
/// What a reconcile asks of the runtime next: nothing (<see cref="Done"/>), to run again after a
/// delay (<see cref="After"/>), or to retry with exponential back-off (<see cref="Failed"/>).
/// </summary>
public sealed record ReconcileResult
{
    private ReconcileResult(TimeSpan? requeueAfter, string? error)
    {
        RequeueAfter = requeueAfter;
        Error = error;
    }

    /// <summary>When to reconcile the key again (regardless of changes); null for only on change.</summary>
    public TimeSpan? RequeueAfter { get; }

    /// <summary>Why the reconcile failed; null on success. Never carries a secret.</summary>
    public string? Error { get; }

    public bool Succeeded => Error is null;

    public static ReconcileResult Done { get; } = new(null, null);

    public static ReconcileResult After(TimeSpan delay) => new(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, null);

    public static ReconcileResult Failed(string error)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        return new(null, error);
    }
}
