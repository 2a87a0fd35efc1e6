namespace Barge.Storage.Sqlite;

/// <summary>How a <see cref="SqliteResourceStore"/> opens its file.</summary>
/// <param name="Path">The database file (created with its schema when absent).</param>
public sealed record SqliteStoreOptions(string Path)
{
    /// <summary>How long a write waits for another process's write transaction; 30 s by default.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a watch with nothing new looks at the change table, to see writes of other processes
    /// (writes of this process wake it at once); 100 ms by default.
    /// </summary>
    public TimeSpan WatchPollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// <c>PRAGMA synchronous=FULL</c> (true, the default): a committed write survives power loss, not only
    /// a crash. False uses NORMAL, which in WAL mode still never tears a transaction.
    /// </summary>
    public bool SyncEveryCommit { get; init; } = true;
}
