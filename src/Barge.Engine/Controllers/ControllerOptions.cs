namespace Barge.Engine.Controllers;

/// <summary>How a <see cref="ControllerRuntime"/> schedules work.</summary>
public sealed record ControllerOptions
{
    /// <summary>Concurrent reconciles per reconciler (different keys). Default: 4.</summary>
    public int WorkersPerReconciler { get; init; } = 4;

    /// <summary>The first retry delay after a failure; doubled per consecutive failure. Default: 1 s.</summary>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest retry delay. Default: 5 min.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often run-until-idle checks for idleness. Default: 10 ms.</summary>
    public TimeSpan IdlePollInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Replicas on one shared store: the keys of the leased reconcilers are reconciled only by the
    /// replica holding their store lease. Null (the default) reconciles every key: one process per store.
    /// </summary>
    public Leasing.KeyLeaseOptions? Leasing { get; init; }
}
