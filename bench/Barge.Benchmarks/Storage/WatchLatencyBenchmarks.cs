using System.Text.Json;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Barge.Storage;

namespace Barge.Benchmarks.Storage;

/// <summary>
/// Change-feed latency: a write on one store instance until a watch on another instance (another
/// "replica": its own connections, no shared in-process signal) yields it. SQLite's second instance
/// sees other writers by polling (100 ms by default); PostgreSQL's is woken by LISTEN/NOTIFY.
/// </summary>
public class WatchLatencyBenchmarks
{
    private readonly Channel<long> _seen = Channel.CreateUnbounded<long>();
    private BenchStores? _stores;
    private IResourceStore? _writer;
    private Func<Task>? _stopWatch;
    private int _next;

    [Params("sqlite", "postgres")]
    public string Store { get; set; } = "sqlite";

    [GlobalSetup]
    public async Task Setup()
    {
        _stores = new BenchStores();
        var name = "watch_" + Guid.NewGuid().ToString("N")[..8];
        _writer = await _stores.OpenAsync(Store, name);
        var watcher = await _stores.OpenAsync(Store, name);
        var from = await watcher.GetResourceVersionAsync();
        var stop = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in watcher.WatchAsync(from, null, stop.Token))
                {
                    _seen.Writer.TryWrite(change.ResourceVersion);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        _stopWatch = async () =>
        {
            await stop.CancelAsync();
            await watch;
            stop.Dispose();
        };
        // Let the watch reach its wait (and PostgreSQL's listener its LISTEN) before measuring.
        await WriteThenSeeAsync();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _stopWatch!();
        await _stores!.CloseAsync();
    }

    [Benchmark]
    public async Task<long> WriteThenSeeOnAnotherInstance() => await WriteThenSeeAsync();

    private async Task<long> WriteThenSeeAsync()
    {
        var key = new ResourceKey("Stage", "grommet", "s" + Interlocked.Increment(ref _next));
        var written = await _writer!.CreateAsync(new NewResource(key, "v1", JsonDocument.Parse("{}").RootElement.Clone()));
        while (await _seen.Reader.ReadAsync() < written.ResourceVersion)
        {
        }
        return written.ResourceVersion;
    }
}
