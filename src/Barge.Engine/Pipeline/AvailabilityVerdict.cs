namespace Barge.Engine.Pipeline;

/// <summary>Whether a piece of Freight is available to a Stage, how, and if not, why not and until when.</summary>
/// <param name="Route">How it is available; <see cref="AvailabilityRoute.None"/> when it is not.</param>
/// <param name="Reasons">Why it is not available; empty when it is.</param>
/// <param name="AvailableAt">
/// When it becomes available if only soak time is missing and the Freight still sits in the upstream
/// Stage(s) that will complete it (a reconciler's timer deadline); otherwise null.
/// </param>
public sealed record AvailabilityVerdict(AvailabilityRoute Route, IReadOnlyList<UnavailableReason> Reasons, DateTimeOffset? AvailableAt)
{
    /// <summary>Whether the Freight is available.</summary>
    public bool IsAvailable => Route != AvailabilityRoute.None;

    internal static AvailabilityVerdict Available(AvailabilityRoute route) => new(route, [], null);
}
