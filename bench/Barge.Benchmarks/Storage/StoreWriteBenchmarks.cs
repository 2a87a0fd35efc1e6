using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Barge.Storage;

namespace Barge.Benchmarks.Storage;

/// <summary>
/// Single writes (one transaction each) and a batch of 1,000 creates, on SQLite (synchronous=NORMAL)
/// and on PostgreSQL over loopback (the test cluster: fsync off), side by side.
/// </summary>
[MemoryDiagnoser]
public class StoreWriteBenchmarks
{
    private BenchStores? _stores;
    private IResourceStore? _store;
    private StoredResource? _stage;
    private int _next;

    [Params("sqlite", "postgres")]
    public string Store { get; set; } = "sqlite";

    [GlobalSetup]
    public async Task Setup()
    {
        _stores = new BenchStores();
        _store = await _stores.OpenAsync(Store, "writes_" + Guid.NewGuid().ToString("N")[..8]);
        _stage = await _store.CreateAsync(new NewResource(new ResourceKey("Stage", "grommet", "dev"), "kargo.akuity.io/v1alpha1", JsonDocument.Parse("{}").RootElement.Clone()));
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _stores!.CloseAsync();

    /// <summary>Create one Freight (resource row, two label rows, change row, one transaction).</summary>
    [Benchmark]
    public async Task<long> CreateOne() => (await _store!.CreateAsync(FreightDocuments.Create("grommet", Interlocked.Increment(ref _next)))).ResourceVersion;

    /// <summary>A status write with compare-and-swap (what a reconciler does most).</summary>
    [Benchmark]
    public async Task<long> UpdateStatusOne()
    {
        _stage = await _store!.UpdateStatusAsync(_stage!.Key, _stage.ResourceVersion,
            JsonDocument.Parse($$"""{"phase":"Running","n":{{Interlocked.Increment(ref _next)}}}""").RootElement.Clone());
        return _stage.ResourceVersion;
    }

    /// <summary>One ApplyAsync of 1,000 Freight creates.</summary>
    [Benchmark]
    public async Task<int> Apply1000()
    {
        var first = Interlocked.Add(ref _next, 1000);
        return (await _store!.ApplyAsync(Enumerable.Range(first - 1000, 1000).Select(i => (StoreOperation)new StoreOperation.Create(FreightDocuments.Create("grommet", i))).ToList())).Count;
    }
}
