using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Barge.Benchmarks.Storage;

/// <summary>
/// A store's size on disk: the SQLite file after a WAL checkpoint (per table: the bytes of row text,
/// as the bundled SQLite has no dbstat), or pg_total_relation_size (table, indexes, TOAST) per table of
/// the schema.
/// </summary>
internal sealed record StoreSizes(long Total, IReadOnlyDictionary<string, long> PerTable)
{
    public static async Task<StoreSizes> MeasureAsync(string kind, BenchStores stores, string name)
    {
        var perTable = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (kind == "sqlite")
        {
            var path = stores.SqlitePath(name);
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
            await connection.OpenAsync();
            await using (var checkpoint = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE)", connection))
            {
                await checkpoint.ExecuteNonQueryAsync();
            }
            // The bundled SQLite has no dbstat table, so per table this is the text the rows hold
            // (the file's pages add b-tree overhead and the indexes on top).
            foreach (var (table, payload) in new[]
            {
                ("resources (row text)", "SELECT coalesce(sum(length(kind) + length(project) + length(name) + length(api_version) + length(uid) + length(labels) + length(annotations) + length(spec) + coalesce(length(status), 0) + 24), 0) FROM resources"),
                ("changes (row text)", "SELECT coalesce(sum(length(kind) + length(project) + length(object) + 16), 0) FROM changes"),
                ("events (row text)", "SELECT coalesce(sum(length(project) + length(kind) + length(name) + length(type) + length(message) + coalesce(length(actor), 0) + coalesce(length(data), 0) + 16), 0) FROM events"),
            })
            {
                await using var command = new SqliteCommand(payload, connection);
                perTable[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            }
            return new StoreSizes(new FileInfo(path).Length, perTable);
        }
        var schema = stores.SchemaFor(name);
        await using var pg = new NpgsqlConnection(BenchStores.PostgresConnectionString);
        await pg.OpenAsync();
        await using (var command = new NpgsqlCommand(
            "SELECT c.relname::text, pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @schema AND c.relkind = 'r'", pg))
        {
            command.Parameters.AddWithValue("schema", schema);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                perTable[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        return new StoreSizes(perTable.Values.Sum(), perTable);
    }

    public string Describe(StoreSizes? before = null)
    {
        var tables = PerTable
            .Where(t => t.Value >= 64 * 1024)
            .Select(t => $"{t.Key} {Mib(t.Value)}" + (before is null ? "" : $" (+{Kib(t.Value - before.PerTable.GetValueOrDefault(t.Key))})"));
        return $"total {Mib(Total)}" + (before is null ? "" : $" (+{Kib(Total - before.Total)})") + "; " + string.Join(", ", tables);
    }

    public static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:F1} MiB");

    public static string Kib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F0} KiB");
}
