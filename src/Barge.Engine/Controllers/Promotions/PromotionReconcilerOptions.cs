using Barge.Engine.Promotion;
using Barge.Storage;

namespace Barge.Engine.Controllers.Promotions;

/// <summary>Settings of the <see cref="PromotionReconciler"/>.</summary>
public sealed record PromotionReconcilerOptions
{
    /// <summary>Who holds the <c>promotion/&lt;project&gt;/&lt;name&gt;</c> leases this process takes. Default: host, process and a random suffix.</summary>
    public string Holder { get; init; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>
    /// How long a lease lasts without renewal (renewed every third of it while a pass runs); a process that
    /// dies keeps its Promotions this long. Default: 15 s.
    /// </summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>When another process holds a Promotion's lease, how soon to look again. Default: 1 s.</summary>
    public TimeSpan LeaseRetry { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Receives every step status change of every Promotion run (the CLI prints them); null for none.</summary>
    public Action<ResourceKey, StepProgress>? Progress { get; init; }
}
