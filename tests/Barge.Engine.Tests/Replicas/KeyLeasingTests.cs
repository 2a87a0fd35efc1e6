using System.Collections.Concurrent;
using System.Text.Json;
using Barge.Engine.Controllers;
using Barge.Engine.Controllers.Leasing;
using Barge.Storage;
using Barge.Storage.Postgres;
using Barge.Storage.Watching;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Barge.Engine.Tests.Replicas;

/// <summary>
/// Several controller runtimes (replicas), each with its own connection to one PostgreSQL store,
/// splitting Stage keys through store leases: every key reconciled by one replica only, a dead
/// replica's keys taken over once its leases lapse.
/// </summary>
public sealed class KeyLeasingTests : IAsyncLifetime
{
    // Short enough for quick failover tests, long enough that a sweep (every third of it) is not
    // starved past it on a loaded machine; the ownership test uses a longer one for the same reason.
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SteadyTtl = TimeSpan.FromSeconds(6);
    private readonly string _schema = ReplicaPostgres.NewSchema();
    private readonly ConcurrentBag<(string Replica, ResourceKey Key, long Version)> _calls = [];
    private PostgresResourceStore _admin = null!;

    public async Task InitializeAsync() => _admin = await ReplicaPostgres.OpenAsync(_schema);

    public async Task DisposeAsync()
    {
        await _admin.DisposeAsync();
        await ReplicaPostgres.DropAsync(_schema);
    }

    [Fact]
    public async Task ThreeReplicas_SharedStore_EachChangeReconciledByOneReplicaOnly()
    {
        for (var i = 0; i < 12; i++)
        {
            await CreateAsync($"s{i}");
        }
        await using var a = await Replica.StartAsync("a", _schema, _calls, SteadyTtl);
        await using var b = await Replica.StartAsync("b", _schema, _calls, SteadyTtl);
        await using var c = await Replica.StartAsync("c", _schema, _calls, SteadyTtl);
        await WaitForAsync(() => Enumerable.Range(0, 12).All(i => _calls.Any(call => call.Key.Name == $"s{i}")), "every Stage reconciled");

        for (var i = 0; i < 12; i++)
        {
            await UpdateAsync($"s{i}");
        }
        await WaitForAsync(() => Enumerable.Range(0, 12).All(i => _calls.Any(call => call.Key.Name == $"s{i}" && call.Version > 1)), "every update reconciled");
        await Task.Delay(TimeSpan.FromSeconds(1));

        foreach (var group in _calls.GroupBy(call => call.Key))
        {
            Assert.True(group.Select(call => call.Replica).Distinct().Count() == 1, $"{group.Key} reconciled by {string.Join(", ", group.Select(call => call.Replica))}");
        }
        Assert.Equal(12, a.Leases.HeldNames.Count + b.Leases.HeldNames.Count + c.Leases.HeldNames.Count);
    }

    [Fact]
    public async Task ReplicaDies_LeasesLapse_SurvivorTakesOverItsKeysWithinTheTtl()
    {
        for (var i = 0; i < 8; i++)
        {
            await CreateAsync($"s{i}");
        }
        var a = await Replica.StartAsync("a", _schema, _calls);
        await WaitForAsync(() => a.Leases.HeldNames.Count == 8, "a holds every key");
        await using var b = await Replica.StartAsync("b", _schema, _calls);
        await WaitForAsync(() => b.Leases.ParkCount >= 8, "b parks every key a holds");
        Assert.Empty(b.Leases.HeldNames);

        // A crash: the store goes away first, so nothing is released; the leases must lapse.
        await a.CrashAsync();
        var died = DateTimeOffset.UtcNow;
        await WaitForAsync(() => b.Leases.HeldNames.Count == 8, "b takes every key over");
        var failover = DateTimeOffset.UtcNow - died;

        Assert.True(failover < Ttl * 2.5, $"failover took {failover.TotalMilliseconds:F0} ms with a {Ttl.TotalMilliseconds} ms lease");
        Assert.Equal(8, b.Leases.Takeovers);
        Assert.All(Enumerable.Range(0, 8), i => Assert.Contains(_calls, call => call.Replica == "b" && call.Key.Name == $"s{i}"));
    }

    [Fact]
    public async Task ReplicaStops_ReleasesLeases_OtherTakesOverWithoutWaitingForTheTtl()
    {
        await CreateAsync("s0");
        var a = await Replica.StartAsync("a", _schema, _calls);
        await WaitForAsync(() => a.Leases.HeldNames.Count == 1, "a holds the key");
        await using var b = await Replica.StartAsync("b", _schema, _calls);
        await WaitForAsync(() => b.Leases.ParkCount >= 1, "b parks the key");

        await a.DisposeAsync();
        var lease = Assert.Single(await _admin.ListLeasesAsync("stage/"));

        Assert.True(lease.ExpiresAt <= DateTimeOffset.UtcNow, "a graceful stop releases the lease");
        await WaitForAsync(() => b.Leases.HeldNames.Count == 1, "b takes the key");
    }

    private async Task CreateAsync(string name) =>
        await _admin.CreateAsync(new NewResource(new ResourceKey("Stage", "p", name), "test/v1", JsonSerializer.SerializeToElement(new { n = 0 })));

    private async Task UpdateAsync(string name)
    {
        var current = (await _admin.GetAsync(new ResourceKey("Stage", "p", name)))!;
        await _admin.UpdateAsync(new ResourceUpdate(current.Key, current.ResourceVersion, "test/v1", JsonSerializer.SerializeToElement(new { n = 1 })));
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(20);
        }
    }

    private sealed class Replica : IAsyncDisposable
    {
        private readonly PostgresResourceStore _store;
        private readonly ControllerRuntime _runtime;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;
        private bool _stopped;

        private Replica(PostgresResourceStore store, ControllerRuntime runtime)
        {
            _store = store;
            _runtime = runtime;
            _run = runtime.RunAsync(_stop.Token);
        }

        public KeyLeases Leases => _runtime.Leases!;

        public static async Task<Replica> StartAsync(string name, string schema, ConcurrentBag<(string, ResourceKey, long)> calls, TimeSpan? ttl = null)
        {
            var store = await ReplicaPostgres.OpenAsync(schema);
            var options = new ControllerOptions { Leasing = new KeyLeaseOptions(name) { Duration = ttl ?? Ttl } };
            var runtime = new ControllerRuntime(store, [new Recorder(name, store, calls)], TimeProvider.System, NullLogger<ControllerRuntime>.Instance, options);
            return new Replica(store, runtime);
        }

        public async Task CrashAsync()
        {
            _stopped = true;
            await _store.DisposeAsync();
            await _stop.CancelAsync();
            await IgnoreFailureAsync(_run);
            _runtime.Dispose();
            _stop.Dispose();
        }

        public async ValueTask DisposeAsync()
        {
            if (_stopped)
            {
                return;
            }
            _stopped = true;
            await _stop.CancelAsync();
            await _run;
            _runtime.Dispose();
            await _store.DisposeAsync();
            _stop.Dispose();
        }

        private static async Task IgnoreFailureAsync(Task task)
        {
            try
            {
                await task;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The crashed replica's workers fail on the disposed store: that is the crash.
            }
        }
    }

    // Records which replica reconciled which version of a key.
    private sealed class Recorder(string replica, IResourceStore store, ConcurrentBag<(string, ResourceKey, long)> calls) : IReconciler
    {
        public string Name => "stage";

        public IReadOnlyList<string> WatchedKinds { get; } = ["Stage"];

        public IEnumerable<ResourceKey> KeysFor(ResourceChange change) => [change.Object.Key];

        public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
        {
            var current = await store.GetAsync(key, cancellationToken);
            calls.Add((replica, key, current?.Generation ?? 0));
            return ReconcileResult.Done;
        }
    }
}
