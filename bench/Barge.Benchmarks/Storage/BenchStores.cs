using Barge.Storage;
using Barge.Storage.Postgres;
using Barge.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Barge.Benchmarks.Storage;

/// <summary>
/// Opens the stores the storage benchmarks compare: a SQLite file in a temp folder, or a fresh schema on
/// the PostgreSQL named by <c>$BARGE_BENCH_POSTGRES</c> (else <c>$BARGE_TEST_POSTGRES</c>; bench/store-macro.sh
/// starts one). Each store opened here is closed and dropped by <see cref="CloseAsync"/>.
/// </summary>
internal sealed class BenchStores
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "barge-bench-store-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<IResourceStore> _opened = [];
    private readonly List<string> _schemas = [];

    public BenchStores()
    {
        Directory.CreateDirectory(_directory);
    }

    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("BARGE_BENCH_POSTGRES") is { Length: > 0 } bench ? bench
        : Environment.GetEnvironmentVariable("BARGE_TEST_POSTGRES") is { Length: > 0 } test ? test
        : throw new InvalidOperationException("set BARGE_BENCH_POSTGRES (bench/store-macro.sh starts a PostgreSQL and sets it)");

    public string SqlitePath(string name) => Path.Combine(_directory, name + ".db");

    /// <summary>A new empty store of the kind ("sqlite" or "postgres"), or a second instance of one opened with the same name.</summary>
    public async Task<IResourceStore> OpenAsync(string kind, string name)
    {
        IResourceStore store = kind switch
        {
            "sqlite" => await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(SqlitePath(name)) { SyncEveryCommit = false }),
            "postgres" => await PostgresResourceStore.OpenAsync(new PostgresStoreOptions(PostgresConnectionString) { Schema = SchemaFor(name) }),
            _ => throw new ArgumentException($"store kind \"{kind}\": sqlite or postgres", nameof(kind)),
        };
        _opened.Add(store);
        return store;
    }

    public string SchemaFor(string name)
    {
        var schema = "bench_" + name;
        if (!_schemas.Contains(schema))
        {
            _schemas.Add(schema);
        }
        return schema;
    }

    public async Task CloseAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }
        _opened.Clear();
        SqliteConnection.ClearAllPools();
        if (_schemas.Count > 0)
        {
            await using var connection = new NpgsqlConnection(PostgresConnectionString);
            await connection.OpenAsync();
            foreach (var schema in _schemas)
            {
                await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
        Directory.Delete(_directory, recursive: true);
    }
}
