namespace Barge.Engine.Controllers.Leasing;

/// <summary>
/// How replicas on one shared store split the reconcile keys: a key of a leased reconciler is
/// reconciled only by the replica holding the store lease <c>&lt;reconciler&gt;/&lt;project&gt;/&lt;name&gt;</c>.
/// </summary>
/// <param name="Holder">This replica's name in the leases; unique per process.</param>
public sealed record KeyLeaseOptions(string Holder)
{
    /// <summary>The reconcilers whose keys are leased. Default: <c>warehouse</c> and <c>stage</c> (Promotions hold their own lease per run).</summary>
    public IReadOnlySet<string> Reconcilers { get; init; } = new HashSet<string>(["warehouse", "stage"], StringComparer.Ordinal);

    /// <summary>How long a lease lasts without renewal; a replica that dies keeps its keys this long. Default: 15 s.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How often held leases are renewed and others' leases looked at for lapses. Default: a third of <see cref="Duration"/>.</summary>
    public TimeSpan SweepInterval => Duration / 3;

    /// <summary>A default holder name: host, process id and a random suffix.</summary>
    public static string NewHolder() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Throws with a message naming the problem when the options cannot work.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Holder);
        if (Duration < TimeSpan.FromMilliseconds(30))
        {
            throw new ArgumentOutOfRangeException(nameof(Duration), Duration, $"key leases of {Holder}: the duration must be at least 30 ms");
        }
    }
}
