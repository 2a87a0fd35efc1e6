using BenchmarkDotNet.Attributes;
using Barge.Storage;
using Barge.Storage.Selection;

namespace Barge.Benchmarks.Storage;

/// <summary>
/// <see cref="ListBenchmarks"/> on PostgreSQL: the same 100,000 resources (10,000 Freight in "grommet",
/// 90,000 Freight and Stages over 9 other projects) and the same queries.
/// </summary>
[MemoryDiagnoser]
public class PostgresListBenchmarks
{
    private BenchStores? _stores;
    private IResourceStore? _store;

    [GlobalSetup]
    public async Task Setup()
    {
        _stores = new BenchStores();
        var storeName = "list_" + Guid.NewGuid().ToString("N")[..8];
        _store = await _stores.OpenAsync("postgres", storeName);
        for (var project = 0; project < 10; project++)
        {
            var name = project == 0 ? "grommet" : "project" + project;
            await _store.ApplyAsync(Enumerable.Range(0, 10_000)
                .Select(i => (StoreOperation)new StoreOperation.Create(project % 2 == 1 && i % 2 == 0
                    ? FreightDocuments.Create(name, i) with { Key = new ResourceKey("Stage", name, "stage-" + i) }
                    : FreightDocuments.Create(name, i)))
                .ToList());
        }
        // Fresh planner statistics, as autovacuum would have gathered on a store that grew over time.
        await using var analyze = new Npgsql.NpgsqlConnection(BenchStores.PostgresConnectionString);
        await analyze.OpenAsync();
        var schema = _stores.SchemaFor(storeName);
        await using var command = new Npgsql.NpgsqlCommand($"ANALYZE \"{schema}\".resources, \"{schema}\".resource_labels", analyze);
        await command.ExecuteNonQueryAsync();
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _stores!.CloseAsync();

    [Benchmark]
    public async Task<int> List10000ByKindAndProject() => (await _store!.ListAsync(ResourceQuery.OfKind("Freight", "grommet"))).Items.Count;

    [Benchmark]
    public async Task<int> ListByAliasLabelIn100000() =>
        (await _store!.ListAsync(ResourceQuery.OfKind("Freight", "grommet") with { Labels = LabelSelector.Parse("kargo.akuity.io/alias=alias-4242") })).Items.Count;

    [Benchmark]
    public async Task<int> ListByLabelAllProjectsIn100000() =>
        (await _store!.ListAsync(ResourceQuery.OfKind("Freight") with { Labels = LabelSelector.Parse("kargo.akuity.io/alias=alias-4243") })).Items.Count;

    [Benchmark]
    public async Task<int> ListByLabelInSetOf100() =>
        (await _store!.ListAsync(ResourceQuery.OfKind("Freight", "grommet") with
        {
            Labels = LabelSelector.Parse("kargo.akuity.io/alias in (" + string.Join(',', Enumerable.Range(0, 100).Select(i => "alias-" + (i * 10))) + ")"),
        })).Items.Count;

    [Benchmark]
    public async Task<int> ListByOriginField() =>
        (await _store!.ListAsync(ResourceQuery.OfKind("Freight", "grommet") with { Fields = [FieldFilter.Parse("spec.origin.name=w3")] })).Items.Count;
}
