namespace Barge.Engine.Controllers;

/// <summary>Settings of the <see cref="WarehouseReconciler"/>.</summary>
public sealed record WarehouseReconcilerOptions
{
    /// <summary>
    /// The shortest discovery interval whatever <c>spec.interval</c> says (Kargo's
    /// <c>MIN_WAREHOUSE_RECONCILIATION_INTERVAL</c>). Default: zero (the spec's interval is used as is).
    /// </summary>
    public TimeSpan MinimumInterval { get; init; } = TimeSpan.Zero;

    /// <summary>The interval when <c>spec.interval</c> is absent (Kargo's default). Default: 5 min.</summary>
    public TimeSpan DefaultInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Who the event log names as the actor of Freight creation.</summary>
    public string Actor { get; init; } = "controller:warehouse";
}
