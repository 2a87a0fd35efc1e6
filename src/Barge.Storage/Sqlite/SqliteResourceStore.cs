using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Barge.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes go through one writer connection, serialised
/// in this process by a lock and across processes by <c>BEGIN IMMEDIATE</c> (SQLite's single write
/// lock, waited for up to the busy timeout). Reads use pooled connections and see a consistent
/// snapshot, never blocking or blocked by the writer.
/// <para>
/// The resourceVersion counter is read and advanced inside the write transaction, so versions commit in
/// increasing order and a reader that has seen version N has seen every version below it: this is what
/// lets a watch tail the change table by "version &gt; last seen" with no gap.
/// </para>
/// </summary>
public sealed partial class SqliteResourceStore : IResourceStore
{
    private readonly string _path;
    private readonly string _readConnectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ChangeSignal _signal = new();
    private readonly SqliteStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private bool _disposed;

    private SqliteResourceStore(SqliteStoreOptions options, SqliteConnection writer, string readConnectionString, TimeProvider time, ILogger logger)
    {
        _options = options;
        _path = options.Path;
        _writer = writer;
        _readConnectionString = readConnectionString;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Opens (creating when absent) the store file and brings its schema up to date.
    /// </summary>
    public static async Task<SqliteResourceStore> OpenAsync(
        SqliteStoreOptions options,
        TimeProvider? timeProvider = null,
        ILogger<SqliteResourceStore>? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Path);
        var full = Path.GetFullPath(options.Path);
        var directory = Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"store {full}: the folder {directory} does not exist");
        }
        var timeoutSeconds = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds));
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = timeoutSeconds,
        };
        // The writer keeps a 32 MB page cache: a big batch updates three indexes in key order that is
        // not insertion order, and SQLite's 2 MB default makes it spill and re-read pages.
        var writer = new SqliteConnection(builder.ConnectionString);
        try
        {
            await writer.OpenAsync(cancellationToken);
            Execute(writer, $"""
                PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds};
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = {(options.SyncEveryCommit ? "FULL" : "NORMAL")};
                PRAGMA cache_size = -32768;
                """);
            var applied = SqliteSchema.Migrate(writer, full);
            var log = (ILogger?)logger ?? NullLogger.Instance;
            SqliteStoreLog.Opened(log, full, SqliteSchema.CurrentVersion, applied);
            var readBuilder = new SqliteConnectionStringBuilder(builder.ConnectionString) { Mode = SqliteOpenMode.ReadWrite };
            return new SqliteResourceStore(options with { Path = full }, writer, readBuilder.ConnectionString, timeProvider ?? TimeProvider.System, log);
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }
    }

    /// <summary>The full path of the store file.</summary>
    public string FilePath => _path;

    /// <summary>The schema version of the open file (the number of migrations applied).</summary>
    public static int SchemaVersion => SqliteSchema.CurrentVersion;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        await _writeLock.WaitAsync();
        try
        {
            _disposed = true;
            await _writer.DisposeAsync();
        }
        finally
        {
            _writeLock.Release();
        }
        _writeLock.Dispose();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken);
        // Memory-mapped reads: a list walks the table in name order, not storage order, and reading
        // pages through mmap instead of read() calls halves its cost on a large store.
        Execute(connection, "PRAGMA mmap_size = 268435456");
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction (BEGIN IMMEDIATE ... COMMIT), rolled back
    /// whole when it throws. Watches of this process are woken after the commit.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<WriteTransaction, T> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        int changes;
        long version;
        T result;
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Execute(_writer, "BEGIN IMMEDIATE");
            try
            {
                var transaction = new WriteTransaction(_writer, _time);
                result = work(transaction);
                transaction.Finish();
                Execute(_writer, "COMMIT");
                changes = transaction.Changes;
                version = transaction.Version;
            }
            catch
            {
                Execute(_writer, "ROLLBACK");
                throw;
            }
        }
        finally
        {
            _writeLock.Release();
        }
        if (changes > 0)
        {
            SqliteStoreLog.Committed(_logger, _path, changes, version);
            _signal.Pulse();
        }
        return result;
    }
}
