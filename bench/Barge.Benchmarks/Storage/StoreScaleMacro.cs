using System.Diagnostics;
using System.Globalization;
using Barge.Storage;
using Barge.Storage.Selection;
using Npgsql;
using NpgsqlTypes;

namespace Barge.Benchmarks.Storage;

/// <summary>
/// Store at scale, SQLite beside PostgreSQL on the same data: 100,000 resources (<see cref="ScaleData"/>),
/// reads timed over many runs (median/p95/p99), PostgreSQL's plans, the size on disk per table, and its
/// growth per 1,000 promotions (<see cref="PromotionWriteSet"/>). Run: <c>dotnet run -c Release -- store-scale [sqlite|postgres]</c>.
/// </summary>
internal static class StoreScaleMacro
{
    private const int Runs = 200;
    private const int PromotionsPerRound = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        var kinds = args.Length > 0 ? args : ["sqlite", "postgres"];
        foreach (var kind in kinds)
        {
            if (kind is not ("sqlite" or "postgres"))
            {
                await Console.Error.WriteLineAsync($"store-scale: unknown store \"{kind}\" (sqlite or postgres)");
                return 2;
            }
        }
        foreach (var kind in kinds)
        {
            var stores = new BenchStores();
            try
            {
                var name = "scale_" + Guid.NewGuid().ToString("N")[..8];
                var store = await stores.OpenAsync(kind, name);
                var clock = Stopwatch.StartNew();
                await ScaleData.LoadAsync(store);
                Print(kind, $"stored {ScaleData.Total:N0} resources in {clock.Elapsed.TotalSeconds:F1} s");
                if (kind == "postgres")
                {
                    // Fresh planner statistics, as autovacuum gathers on a store that grew over time.
                    await ExecuteAsync($"ANALYZE \"{stores.SchemaFor(name)}\".resources, \"{stores.SchemaFor(name)}\".resource_labels");
                }
                await QueriesAsync(kind, store);
                if (kind == "postgres")
                {
                    await ExplainAsync(stores.SchemaFor(name));
                    await CompareFieldOrderAsync(stores.SchemaFor(name));
                }
                await GrowthAsync(kind, stores, name, store);
            }
            finally
            {
                await stores.CloseAsync();
            }
        }
        return 0;
    }

    private static async Task QueriesAsync(string kind, IResourceStore store)
    {
        var grommet = ScaleData.Project(0);
        await TimeAsync(kind, "list Freight by label alias=, one project", Runs,
            i => CountAsync(store, ResourceQuery.OfKind("Freight", grommet) with { Labels = LabelSelector.Parse("kargo.akuity.io/alias=alias-" + ((i * 37) % 9000)) }));
        await TimeAsync(kind, "list Freight by label alias=, all projects", Runs,
            i => CountAsync(store, ResourceQuery.OfKind("Freight") with { Labels = LabelSelector.Parse("kargo.akuity.io/alias=alias-" + ((i * 37) % 9000)) }));
        await TimeAsync(kind, "list Stages by label shard=, one project", Runs,
            i => CountAsync(store, ResourceQuery.OfKind("Stage", grommet) with { Labels = LabelSelector.Parse("barge.dev/shard=s" + (i % 50)) }));
        await TimeAsync(kind, "list Warehouses by label team=, all projects", Runs,
            i => CountAsync(store, ResourceQuery.OfKind("Warehouse") with { Labels = LabelSelector.Parse("barge.dev/team=t" + (i % 25)) }));
        await TimeAsync(kind, "list Freight by label warehouse=, one project", Runs / 4,
            i => CountAsync(store, ResourceQuery.OfKind("Freight", grommet) with { Labels = LabelSelector.Parse("barge.dev/warehouse=w" + (i % 10)) }));
        await TimeAsync(kind, "list Freight by field spec.origin.name=, one project", Runs / 4,
            i => CountAsync(store, ResourceQuery.OfKind("Freight", grommet) with { Fields = [FieldFilter.Parse("spec.origin.name=w" + (i % 10))] }));
        var freightKeys = Enumerable.Range(0, Runs).Select(i => FreightDocuments.Create(ScaleData.Project(i % ScaleData.Projects), (i * 7919) % ScaleData.FreightPerProject).Key).ToArray();
        await TimeAsync(kind, "get Freight by name", Runs,
            async i => await store.GetAsync(freightKeys[i % freightKeys.Length]) is null ? 0 : 1);
        await TimeAsync(kind, "get Stage by name", Runs,
            async i => await store.GetAsync(ScaleData.StageKey(ScaleData.Project(i % ScaleData.Projects), i % ScaleData.StagesPerProject)) is null ? 0 : 1);
    }

    private static async Task<int> CountAsync(IResourceStore store, ResourceQuery query) => (await store.ListAsync(query)).Items.Count;

    private static async Task TimeAsync(string kind, string what, int runs, Func<int, Task<int>> read)
    {
        for (var i = 0; i < 10; i++)
        {
            await read(i);
        }
        var timings = new List<double>(runs);
        var items = 0;
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            items = await read(i);
            timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        Print(kind, $"{what}: {LatencySummary.Of(timings)} ({items} items in the last)");
    }

    /// <summary>
    /// EXPLAIN ANALYZE of the statements the store sends (the shape PostgresQuery.FromWhere and GetAsync
    /// build, with the same bound parameters), so the plan is the one the figures above came from.
    /// </summary>
    private static async Task ExplainAsync(string schema)
    {
        const string Columns = "r.kind, r.project, r.name, r.api_version, r.uid, r.resource_version, r.generation, r.labels, r.annotations, r.created_ms, r.deleted_ms, r.spec, r.status";
        const string LabelSet = "l.key = @lk0 AND l.value = ANY(@lv0))";
        var statements = new (string What, string Sql, (string, object)[] Parameters)[]
        {
            ("list Freight by label, one project",
                $"SELECT {Columns} FROM resources r WHERE r.kind = @kind AND r.project = @project AND r.id IN (SELECT l.resource_id FROM resource_labels l WHERE l.kind = @kind AND l.project = @project AND {LabelSet} ORDER BY r.project, r.name",
                [("kind", "Freight"), ("project", "grommet"), ("lk0", "kargo.akuity.io/alias"), ("lv0", new[] { "alias-4242" })]),
            ("list Freight by label, all projects",
                $"SELECT {Columns} FROM resources r WHERE r.kind = @kind AND r.id IN (SELECT l.resource_id FROM resource_labels l WHERE l.kind = @kind AND {LabelSet} ORDER BY r.project, r.name",
                [("kind", "Freight"), ("lk0", "kargo.akuity.io/alias"), ("lv0", new[] { "alias-4242" })]),
            ("list Freight by field spec.origin.name, one project",
                $"SELECT {Columns} FROM resources r WHERE r.kind = @kind AND r.project = @project AND coalesce((r.spec #>> @fp0) = @fv0 AND json_typeof(r.spec) = 'object' AND json_typeof(r.spec #> @fp0_1) = 'object' AND json_typeof(r.spec #> @fp0) = 'string', false) ORDER BY r.project, r.name",
                [("kind", "Freight"), ("project", "grommet"), ("fp0_1", new[] { "origin" }), ("fp0", new[] { "origin", "name" }), ("fv0", "w3")]),
            ("get Freight by name",
                $"SELECT {Columns} FROM resources r WHERE r.kind = @kind AND r.project = @project AND r.name = @name",
                [("kind", "Freight"), ("project", "project5"), ("name", FreightDocuments.Create("project5", 4242).Key.Name)]),
        };
        await using var connection = new NpgsqlConnection(BenchStores.PostgresConnectionString);
        await connection.OpenAsync();
        await using (var path = new NpgsqlCommand($"SET search_path TO \"{schema}\"", connection))
        {
            await path.ExecuteNonQueryAsync();
        }
        foreach (var (what, sql, parameters) in statements)
        {
            await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, COSTS OFF, BUFFERS) " + sql, connection);
            foreach (var (parameter, value) in parameters)
            {
                command.Parameters.Add(value is string[]
                    ? new NpgsqlParameter(parameter, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = value }
                    : new NpgsqlParameter(parameter, value));
            }
            Console.WriteLine($"postgres EXPLAIN {what}:");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Console.WriteLine("    " + reader.GetString(0));
            }
        }
    }

    /// <summary>
    /// The field filter's SQL as the store builds it (the one-walk test first) against the order it had
    /// before (the per-member type checks first), run alternately in one session so both see the same load.
    /// </summary>
    private static async Task CompareFieldOrderAsync(string schema)
    {
        const string Scope = "SELECT count(*) FROM resources r WHERE r.kind = 'Freight' AND r.project = 'grommet' AND ";
        const string Now = Scope + "coalesce((r.spec #>> '{origin,name}') = 'w3' AND json_typeof(r.spec) = 'object' AND json_typeof(r.spec #> '{origin}') = 'object' AND json_typeof(r.spec #> '{origin,name}') = 'string', false)";
        const string Before = Scope + "coalesce(json_typeof(r.spec) = 'object' AND json_typeof(r.spec #> '{origin}') = 'object' AND json_typeof(r.spec #> '{origin,name}') = 'string' AND (r.spec #>> '{origin,name}') = 'w3', false)";
        await using var connection = new NpgsqlConnection(BenchStores.PostgresConnectionString);
        await connection.OpenAsync();
        await using (var path = new NpgsqlCommand($"SET search_path TO \"{schema}\"", connection))
        {
            await path.ExecuteNonQueryAsync();
        }
        var now = new List<double>();
        var before = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            foreach (var (sql, timings) in new[] { (Now, now), (Before, before) })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                var start = Stopwatch.GetTimestamp();
                await command.ExecuteScalarAsync();
                timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        Print("postgres", $"field filter SQL over 9,000 Freight (count only), one-walk test first: {LatencySummary.Of(now)}");
        Print("postgres", $"field filter SQL over 9,000 Freight (count only), type checks first (before): {LatencySummary.Of(before)}");
    }

    private static async Task GrowthAsync(string kind, BenchStores stores, string name, IResourceStore store)
    {
        var stage = await store.GetAsync(ScaleData.StageKey(ScaleData.Project(0), 0))
            ?? throw new InvalidOperationException("Stage grommet/stage-0 is not stored: load the scale data first");
        var previous = await StoreSizes.MeasureAsync(kind, stores, name);
        Print(kind, $"size with {ScaleData.Total:N0} resources: {previous.Describe()}");
        for (var round = 1; round <= 2; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < PromotionsPerRound; i++)
            {
                stage = await PromotionWriteSet.WriteAsync(store, stage, ((round - 1) * PromotionsPerRound) + i);
            }
            clock.Stop();
            var after = await StoreSizes.MeasureAsync(kind, stores, name);
            Print(kind, $"promotions round {round}: {PromotionsPerRound} in {clock.Elapsed.TotalSeconds:F1} s ({clock.Elapsed.TotalMilliseconds / PromotionsPerRound:F2} ms each); {(after.Total - previous.Total) / PromotionsPerRound:N0} bytes per promotion; {after.Describe(previous)}");
            previous = after;
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(BenchStores.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void Print(string kind, FormattableString line) =>
        Console.WriteLine($"{kind,-8} " + line.ToString(CultureInfo.InvariantCulture) + $" [load {LatencySummary.Load()}]");
}
