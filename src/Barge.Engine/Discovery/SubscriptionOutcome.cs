namespace Barge.Engine.Discovery;

/// <summary>The result of discovering one subscription, or why it failed (a message without secrets).</summary>
internal sealed record SubscriptionOutcome<T>(T? Result, string? Error, bool Reused)
    where T : class
{
    public bool Succeeded => Error is null;

    public static SubscriptionOutcome<T> Ok(T result, bool reused) => new(result, null, reused);

    public static SubscriptionOutcome<T> Fail(string error) => new(null, error, false);
}
