using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Barge.Storage;
using Barge.Storage.Events;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Barge.Benchmarks.Storage;

/// <summary>
/// Store size and event-log growth per 1,000 promotion-like write sets, on SQLite and PostgreSQL. One
/// write set is what discovery and one promotion store: a Freight create, a Promotion create, the
/// Promotion's Running status, then one batch with the Promotion's Succeeded status, the Stage's and
/// the Freight's status and one audit event. Run: <c>dotnet run -c Release -- store-growth</c>.
/// </summary>
internal static class StoreGrowthMacro
{
    private const int SetsPerRound = 1000;

    public static async Task RunAsync()
    {
        foreach (var kind in new[] { "sqlite", "postgres" })
        {
            var stores = new BenchStores();
            try
            {
                var name = "growth_" + Guid.NewGuid().ToString("N")[..8];
                var store = await stores.OpenAsync(kind, name);
                var stage = await store.CreateAsync(new NewResource(new ResourceKey("Stage", "grommet", "dev"), "kargo.akuity.io/v1alpha1", Json("""{"requestedFreight":[{"origin":{"kind":"Warehouse","name":"w0"}}]}""")));
                var before = await MeasureAsync(kind, stores, name);
                long previous = before.Bytes;
                for (var round = 1; round <= 2; round++)
                {
                    var clock = Stopwatch.StartNew();
                    for (var i = 0; i < SetsPerRound; i++)
                    {
                        stage = await WriteSetAsync(store, stage, ((round - 1) * SetsPerRound) + i);
                    }
                    clock.Stop();
                    var after = await MeasureAsync(kind, stores, name);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{kind,-8} round {round}: {SetsPerRound} write sets in {clock.Elapsed.TotalSeconds:F1} s ({clock.Elapsed.TotalMilliseconds / SetsPerRound:F2} ms/set); " +
                        $"store {after.Bytes / 1024.0 / 1024.0:F2} MiB (+{(after.Bytes - previous) / 1024.0:F0} KiB); " +
                        $"changes {after.Changes} rows, {after.ChangeBytes / 1024.0:F0} KiB; events {after.Events} rows, {after.EventBytes / 1024.0:F0} KiB"));
                    previous = after.Bytes;
                }
            }
            finally
            {
                await stores.CloseAsync();
            }
        }
    }

    private static async Task<StoredResource> WriteSetAsync(IResourceStore store, StoredResource stage, int i)
    {
        var freight = await store.CreateAsync(FreightDocuments.Create("grommet", i));
        var promotionKey = new ResourceKey("Promotion", "grommet", "dev." + i.ToString("D6", CultureInfo.InvariantCulture));
        var promotion = await store.CreateAsync(new NewResource(promotionKey, "kargo.akuity.io/v1alpha1",
            Json($$"""{"stage":"dev","freight":"{{freight.Key.Name}}","steps":[{"uses":"git-clone"},{"uses":"yaml-update"},{"uses":"git-commit"},{"uses":"git-push"}]}"""))
        {
            Labels = new Dictionary<string, string> { ["kargo.akuity.io/stage"] = "dev" },
        });
        promotion = await store.UpdateStatusAsync(promotion.Key, promotion.ResourceVersion, Json("""{"phase":"Running","currentStep":2}"""));
        var results = await store.ApplyAsync(
            [
                new StoreOperation.UpdateStatus(promotion.Key, promotion.ResourceVersion,
                    Json($$"""{"phase":"Succeeded","freight":{"name":"{{freight.Key.Name}}"},"stepExecutionMetadata":[{"alias":"step-1","status":"Succeeded"},{"alias":"step-2","status":"Succeeded"},{"alias":"step-3","status":"Succeeded"},{"alias":"step-4","status":"Succeeded"}]}""")),
                new StoreOperation.UpdateStatus(stage.Key, stage.ResourceVersion,
                    Json("{\"phase\":\"Steady\",\"freightHistory\":[{\"items\":{\"w0\":{\"name\":\"" + freight.Key.Name + "\"}}}],\"lastPromotion\":{\"name\":\"" + promotionKey.Name + "\"}}")),
                new StoreOperation.UpdateStatus(freight.Key, freight.ResourceVersion, Json("""{"currentlyIn":{"dev":{}}}""")),
            ],
            [new EventEntry(promotionKey, "PromotionSucceeded", $"promoted Freight {freight.Key.Name} to Stage dev")
            {
                Actor = "controller",
                Data = Json($$"""{"freight":"{{freight.Key.Name}}","origin":"w0","stage":"dev"}"""),
            }]);
        return results[1];
    }

    private sealed record Size(long Bytes, long Changes, long ChangeBytes, long Events, long EventBytes);

    private static async Task<Size> MeasureAsync(string kind, BenchStores stores, string name)
    {
        if (kind == "sqlite")
        {
            var path = stores.SqlitePath(name);
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
            await connection.OpenAsync();
            await Scalar(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
            return new Size(
                new FileInfo(path).Length,
                await Scalar(connection, "SELECT count(*) FROM changes"),
                await Scalar(connection, "SELECT coalesce(sum(length(object)), 0) FROM changes"),
                await Scalar(connection, "SELECT count(*) FROM events"),
                await Scalar(connection, "SELECT coalesce(sum(length(message) + coalesce(length(data), 0) + length(type) + length(name)), 0) FROM events"));
        }
        var schema = stores.SchemaFor(name);
        await using var pg = new NpgsqlConnection(BenchStores.PostgresConnectionString);
        await pg.OpenAsync();
        return new Size(
            await Scalar(pg, $"SELECT sum(pg_total_relation_size(c.oid))::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{schema}' AND c.relkind = 'r'"),
            await Scalar(pg, $"SELECT count(*) FROM \"{schema}\".changes"),
            await Scalar(pg, $"SELECT pg_total_relation_size('\"{schema}\".changes')"),
            await Scalar(pg, $"SELECT count(*) FROM \"{schema}\".events"),
            await Scalar(pg, $"SELECT pg_total_relation_size('\"{schema}\".events')"));
    }

    private static async Task<long> Scalar(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
