using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Barge.Benchmarks.Storage;

/// <summary>
/// A store's size on disk: the SQLite file after a WAL checkpoint (per table and its indexes from
/// the dbstat table), or pg_total_relation_size (table, indexes, TOAST) per table of the schema.
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
            // dbstat names each b-tree; an index counts towards its table.
            await using var command = new SqliteCommand(
                "SELECT coalesce(m.tbl_name, s.name), sum(s.pgsize) FROM dbstat s LEFT JOIN sqlite_schema m ON m.name = s.name GROUP BY 1", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                perTable[reader.GetString(0)] = reader.GetInt64(1);
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
