using System.Data;
using Barge.Storage.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Barge.Storage.Postgres;

/// <summary>
/// The store on PostgreSQL, for several <c>barge serve</c> replicas sharing one database. Same contract
/// and schema shape as <see cref="SqliteResourceStore"/>.
/// <para>
/// Every write transaction first locks the <c>resource_version</c> counter row (<c>SELECT … FOR UPDATE</c>)
/// and holds it until commit. That one row lock is the store-wide write lock: writers of every replica
/// take turns, so version N+1 is assigned only after the writer of N committed (PostgreSQL makes a
/// transaction visible before it releases its locks). Versions are therefore gap-free and commit in
/// order, and a watch that tails the change table by "version above the last delivered" can never
/// skip a change that commits later with a lower version. A per-write sequence (nextval) would not
/// give that: numbers would be handed out in one order and committed in another. Because every
/// statement after the lock runs in READ COMMITTED with a fresh snapshot, compare-and-swap checks read
/// the latest committed row, exactly as SQLite's <c>BEGIN IMMEDIATE</c> does.
/// </para>
/// <para>
/// The write that commits a change also notifies a channel (<c>pg_notify</c>, delivered at commit);
/// watches of every replica wake on it through one listening connection per store, which reconnects
/// when it fails (see <see cref="ChangeListener"/>).
/// </para>
/// </summary>
public sealed partial class PostgresResourceStore : IResourceStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ChangeSignal _signal = new();
    private readonly ChangeListener _listener;
    private int _disposed;

    private PostgresResourceStore(NpgsqlDataSource dataSource, PostgresStoreOptions options, string description, TimeProvider time, ILogger logger)
    {
        _dataSource = dataSource;
        _options = options;
        Description = description;
        _time = time;
        _logger = logger;
        // Reconnect back-off is wall-clock time, not the store's clock (which tests move by hand).
        _listener = new ChangeListener(ListenerConnectionString(options), options.Channel, _signal, TimeProvider.System, logger, description);
    }

    /// <summary>The schema version this build writes and reads.</summary>
    public static int SchemaVersion => PostgresSchema.CurrentVersion;

    /// <summary>How messages name this store: host, port, database and schema (never the password).</summary>
    public string Description { get; }

    /// <summary>Connects, brings the schema up to date (under an advisory lock) and returns the store.</summary>
    public static async Task<PostgresResourceStore> OpenAsync(
        PostgresStoreOptions options,
        TimeProvider? timeProvider = null,
        ILogger<PostgresResourceStore>? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var description = Describe(options);
        var dataSource = BuildDataSource(options);
        try
        {
            var migration = await PostgresSchema.MigrateAsync(dataSource, options, description, cancellationToken);
            var log = (ILogger?)logger ?? NullLogger.Instance;
            PostgresStoreLog.Opened(log, description, migration.ToVersion, migration.Applied);
            return new PostgresResourceStore(dataSource, options, description, timeProvider ?? TimeProvider.System, log);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs the missing migrations without opening a store (<c>barge migrate</c>).</summary>
    public static async Task<PostgresMigration> MigrateAsync(PostgresStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        await using var dataSource = BuildDataSource(options);
        return await PostgresSchema.MigrateAsync(dataSource, options, Describe(options), cancellationToken);
    }

    /// <summary>
    /// <c>host:port/database schema s</c> from a connection string, for messages; the password and every
    /// other setting are left out.
    /// </summary>
    public static string Describe(PostgresStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        return $"postgresql {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username} (schema {options.Schema})";
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _listener.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    private static NpgsqlDataSource BuildDataSource(PostgresStoreOptions options)
    {
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        builder.ConnectionStringBuilder.SearchPath = options.Schema;
        // The same handful of statements run for every write: let Npgsql prepare them on the server.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }
        builder.ConnectionStringBuilder.ApplicationName ??= "barge";
        return builder.Build();
    }

    private static string ListenerConnectionString(PostgresStoreOptions options)
    {
        // Its own physical connection: a broken listener must be closed, never handed back to the pool.
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            Pooling = false,
            KeepAlive = 10,
        };
        builder.ApplicationName ??= "barge-listen";
        return builder.ConnectionString;
    }

    /// <summary>The server process id of the listening connection (0 while none); the reconnect tests terminate it.</summary>
    internal int ListenerBackendProcessId => _listener.BackendProcessId;

    /// <summary>How many times the listening connection was (re)established.</summary>
    internal int ListenerConnections => _listener.Connections;

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction that holds the store-wide write lock (the
    /// counter row) from its first statement to its commit; rolled back whole when it throws. Watches of
    /// this store are woken after the commit at once; those of other replicas by the notification.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<PostgresWriteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var tx = new PostgresWriteTransaction(connection, _time);
        try
        {
            await tx.BeginAsync(_options.LockTimeout, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw new TimeoutException(
                $"store {Description}: the store-wide write lock (the resource_version counter row) was not free within {_options.LockTimeout.TotalSeconds:0.###} s; another replica holds a long write transaction",
                e);
        }
        var result = await work(tx);
        await tx.FinishAsync(_options.Channel, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (tx.Changes > 0)
        {
            PostgresStoreLog.Committed(_logger, Description, tx.Changes, tx.Version);
            _signal.Pulse();
        }
        return result;
    }
}
