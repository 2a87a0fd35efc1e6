using System.Collections.Concurrent;
using System.Text.Json;
using Barge.Engine.Controllers;
using Barge.Storage;
using Barge.Storage.Sqlite;
using Barge.Storage.Watching;
using Barge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Barge.Engine.Tests.Controllers;

/// <summary>The runtime over a real SQLite store and its change feed, with a recording reconciler.</summary>
public sealed class ControllerRuntimeTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _home = new("runtime");
    private SqliteResourceStore _store = null!;

    public async Task InitializeAsync() =>
        _store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(_home.Path, "barge.db")));

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task RunUntilIdleAsync_ExistingAndNewResources_EachReconciledOnlyOfWatchedKind()
    {
        await CreateAsync("Widget", "a");
        await CreateAsync("Gadget", "ignored");
        var reconciler = new Recorder();
        using var runtime = NewRuntime(reconciler, TimeProvider.System);

        await runtime.RunUntilIdleAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        await CreateAsync("Widget", "b");
        await runtime.RunUntilIdleAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);

        Assert.Equal(["a", "a", "b"], reconciler.Calls.Select(k => k.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(reconciler.Calls, k => k.Kind == "Gadget");
    }

    [Fact]
    public async Task RunAsync_SameKeyChangedWhileReconciling_NeverConcurrent()
    {
        await CreateAsync("Widget", "a");
        var reconciler = new Recorder { Delay = TimeSpan.FromMilliseconds(50) };
        using var runtime = NewRuntime(reconciler, TimeProvider.System);
        using var cts = new CancellationTokenSource();
        var run = runtime.RunAsync(cts.Token);

        for (var i = 0; i < 10; i++)
        {
            await UpdateAsync("Widget", "a", i);
            await Task.Delay(10);
        }
        await WaitForAsync(() => runtime.ReconcileCount >= 2);
        await cts.CancelAsync();
        await run;

        Assert.Equal(1, reconciler.MaxConcurrentPerKey);
        Assert.True(reconciler.Calls.Count < 11, $"{reconciler.Calls.Count} reconciles for 11 writes: pending keys are deduplicated");
    }

    [Fact]
    public async Task RunUntilIdleAsync_FailingReconciler_RetriedWithBackoffUntilSuccess()
    {
        await CreateAsync("Widget", "a");
        var reconciler = new Recorder { FailuresBeforeSuccess = 2 };
        using var runtime = NewRuntime(reconciler, TimeProvider.System);

        await runtime.RunUntilIdleAsync(TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal(3, reconciler.Calls.Count);
    }

    [Fact]
    public async Task RunUntilIdleAsync_RequeueAfterBeyondWindow_IsIdle_DueWithinWindow_Runs()
    {
        await CreateAsync("Widget", "a");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var reconciler = new Recorder { RequeueAfter = TimeSpan.FromMinutes(1) };
        using var runtime = NewRuntime(reconciler, time);

        await runtime.RunUntilIdleAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.Single(reconciler.Calls);

        time.Advance(TimeSpan.FromMinutes(1));
        await runtime.RunUntilIdleAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        // Each run lists before it watches, which wakes "a" too: the due requeue and that wake-up
        // coalesce when they meet in the queue and run one after the other when they do not.
        Assert.InRange(reconciler.Calls.Count(k => k.Name == "a"), 2, 3);
    }

    private ControllerRuntime NewRuntime(IReconciler reconciler, TimeProvider time) => new(
        _store, [reconciler], time, NullLogger<ControllerRuntime>.Instance,
        new ControllerOptions { BaseBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(100) });

    private async Task CreateAsync(string kind, string name) =>
        await _store.CreateAsync(new NewResource(new ResourceKey(kind, "p", name), "test/v1", JsonSerializer.SerializeToElement(new { n = 0 })));

    private async Task UpdateAsync(string kind, string name, int n)
    {
        var current = (await _store.GetAsync(new ResourceKey(kind, "p", name)))!;
        await _store.UpdateAsync(ResourceUpdate.From(current, JsonSerializer.SerializeToElement(new { n = n + 1 })));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }

    private sealed class Recorder : IReconciler
    {
        private readonly ConcurrentDictionary<ResourceKey, int> _running = new();
        private int _failures;

        public string Name => "recorder";

        public IReadOnlyList<string> WatchedKinds { get; } = ["Widget"];

        public ConcurrentQueue<ResourceKey> Calls { get; } = new();

        public int MaxConcurrentPerKey { get; private set; }

        public TimeSpan Delay { get; init; }

        public int FailuresBeforeSuccess { get; init; }

        public TimeSpan? RequeueAfter { get; init; }

        public IEnumerable<ResourceKey> KeysFor(ResourceChange change) => [change.Object.Key];

        public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
        {
            var running = _running.AddOrUpdate(key, 1, (_, n) => n + 1);
            MaxConcurrentPerKey = Math.Max(MaxConcurrentPerKey, running);
            Calls.Enqueue(key);
            try
            {
                if (Delay > TimeSpan.Zero)
                {
                    await Task.Delay(Delay, cancellationToken);
                }
                if (Interlocked.Increment(ref _failures) <= FailuresBeforeSuccess)
                {
                    return ReconcileResult.Failed("not yet");
                }
                return RequeueAfter is { } after ? ReconcileResult.After(after) : ReconcileResult.Done;
            }
            finally
            {
                _running.AddOrUpdate(key, 0, (_, n) => n - 1);
            }
        }
    }
}
