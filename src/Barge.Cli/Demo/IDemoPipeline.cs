namespace Barge.Cli.Demo;

/// <summary>
/// The controllers the demo runs in-process: discovery, the Stage rules (auto-promotion per origin,
/// Freight bookkeeping, the soak gate) and the promotion engine. One seam, so the demo drives the
/// pipeline the same way whichever controller host is underneath.
/// </summary>
internal interface IDemoPipeline : IAsyncDisposable
{
    /// <summary>What runs underneath, for the narration.</summary>
    string Description { get; }

    /// <summary>Runs the controllers until nothing is pending: Warehouses discovered, auto-promotions run, finished Promotions recorded.</summary>
    Task SettleAsync(CancellationToken cancellationToken);

    /// <summary>Who moved which Freight from which origin into which Stage, oldest first.</summary>
    Task<IReadOnlyList<DemoHistoryRow>> HistoryAsync(CancellationToken cancellationToken);
}
