using BenchmarkDotNet.Attributes;
using Barge.Storage;
using Barge.Storage.Selection;
using Barge.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Barge.Benchmarks.Storage;

/// <summary>
/// Reads over a store of 100,000 resources: 10,000 Freight in project "grommet", and 90,000 more
/// Freight and Stages spread over 9 other projects. Each Freight carries an alias label and a
/// warehouse label (10 warehouses).
/// </summary>
[MemoryDiagnoser]
public class ListBenchmarks
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "barge-bench-list-" + Guid.NewGuid().ToString("N")[..8]);
    private SqliteResourceStore? _store;

    [GlobalSetup]
    public async Task Setup()
    {
        Directory.CreateDirectory(_directory);
        _store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(_directory, "barge.db")) { SyncEveryCommit = false });
        for (var project = 0; project < 10; project++)
        {
            var name = project == 0 ? "grommet" : "project" + project;
            await _store.ApplyAsync(Enumerable.Range(0, 10_000)
                .Select(i => (StoreOperation)new StoreOperation.Create(project % 2 == 1 && i % 2 == 0
                    ? FreightDocuments.Create(name, i) with { Key = new ResourceKey("Stage", name, "stage-" + i) }
                    : FreightDocuments.Create(name, i)))
                .ToList());
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _store!.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>All 10,000 Freight of one project.</summary>
    [Benchmark]
    public async Task<int> List10000ByKindAndProject() => (await _store!.ListAsync(ResourceQuery.OfKind("Freight", "grommet"))).Items.Count;

    /// <summary>One Freight by its alias label, in its project, among 100,000 resources.</summary>
    [Benchmark]
    public async Task<int> ListByAliasLabelIn100000() =>
        (await _store!.ListAsync(ResourceQuery.OfKind("Freight", "grommet") with { Labels = LabelSelector.Parse("kargo.akuity.io/alias=alias-4242") })).Items.Count;

    /// <summary>One Freight alias across every project (no project given) among 100,000 resources.</summary>
    [Benchmark]
    public async Task<int> ListByLabelAllProjectsIn100000() =>
        (await _store!.ListAsync(ResourceQuery.OfKind("Freight") with { Labels = LabelSelector.Parse("kargo.akuity.io/alias=alias-4243") })).Items.Count;

    /// <summary>The 100 Freight of one warehouse in one project with a given alias set (label "in" of 100 values).</summary>
    [Benchmark]
    public async Task<int> ListByLabelInSetOf100() =>
        (await _store!.ListAsync(ResourceQuery.OfKind("Freight", "grommet") with
        {
            Labels = LabelSelector.Parse("kargo.akuity.io/alias in (" + string.Join(',', Enumerable.Range(0, 100).Select(i => "alias-" + (i * 10))) + ")"),
        })).Items.Count;

    /// <summary>Freight of one origin in one project via a spec field filter (1,000 of 10,000).</summary>
    [Benchmark]
    public async Task<int> ListByOriginField() =>
        (await _store!.ListAsync(ResourceQuery.OfKind("Freight", "grommet") with { Fields = [FieldFilter.Parse("spec.origin.name=w3")] })).Items.Count;
}
