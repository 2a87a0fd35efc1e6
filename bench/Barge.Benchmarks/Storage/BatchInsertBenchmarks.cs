using BenchmarkDotNet.Attributes;
using Barge.Storage;
using Barge.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Barge.Benchmarks.Storage;

/// <summary>One atomic batch of 10,000 Freight creates into a fresh store file (what <c>barge apply</c> of a big file does).</summary>
[MemoryDiagnoser]
public class BatchInsertBenchmarks
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "barge-bench-insert-" + Guid.NewGuid().ToString("N")[..8]);
    private List<StoreOperation> _operations = [];
    private SqliteResourceStore? _store;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_directory);
        _operations = Enumerable.Range(0, 10_000).Select(i => (StoreOperation)new StoreOperation.Create(FreightDocuments.Create("grommet", i))).ToList();
    }

    [IterationSetup]
    public void OpenFreshStore()
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db");
        _store = SqliteResourceStore.OpenAsync(new SqliteStoreOptions(path)).GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void CloseStore()
    {
        _store!.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark]
    public async Task<int> Apply10000Freight() => (await _store!.ApplyAsync(_operations)).Count;
}
