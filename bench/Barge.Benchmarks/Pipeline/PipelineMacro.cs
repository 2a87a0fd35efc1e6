using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Barge.Engine.Controllers;
using Barge.Engine.Credentials;
using Barge.Engine.Manifests;
using Barge.Resources.Manifests;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;
using Barge.Storage.Sqlite;
using Barge.Storage.Watching;
using Microsoft.Extensions.Logging.Abstractions;

namespace Barge.Benchmarks.Pipeline;

/// <summary>
/// Macro measurements of the pipeline controller on a real SQLite store and the real clock (not
/// BenchmarkDotNet): <c>latency</c> (Freight stored → its auto-promotion Running, 50 samples),
/// <c>idle</c> (500 Stages + 100 Warehouses, CPU and RSS over 60 s), <c>burst</c> (100 new Freight
/// with file-free promotions until all succeed). Run: <c>dotnet run -c Release -- pipeline-macro [latency|idle|burst]</c>.
/// </summary>
internal static class PipelineMacro
{
    public static async Task RunAsync(string[] args)
    {
        var which = args.Length > 1 ? args[1] : "all";
        if (which is "all" or "latency")
        {
            await LatencyAsync();
        }
        if (which is "all" or "burst")
        {
            await BurstAsync();
        }
        if (which is "all" or "idle")
        {
            await IdleAsync(args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 60);
        }
    }

    private static async Task LatencyAsync()
    {
        await using var world = await World.CreateAsync(warehouses: 1, stagesPerWarehouse: 1);
        using var stop = new CancellationTokenSource();
        var running = world.Controller.Runtime.RunAsync(stop.Token);
        var samples = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var from = await world.Store.GetResourceVersionAsync();
            var name = $"f{i:D4}";
            using var watchStop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var seen = WaitForRunningAsync(world.Store, from, name, watchStop.Token);
            var clock = Stopwatch.StartNew();
            await world.PutFreightAsync(name, "w0", i);
            await seen;
            samples.Add(clock.Elapsed.TotalMilliseconds);
            await WaitForAsync(async () => (await world.PhasesAsync()).Count(p => p == "Succeeded") == i + 1);
        }
        await stop.CancelAsync();
        await running;
        samples.Sort();
        Console.WriteLine($"latency Freight stored -> auto-promotion Running: n={samples.Count} median={samples[samples.Count / 2]:F1} ms p90={samples[samples.Count * 9 / 10]:F1} ms max={samples[^1]:F1} ms");
    }

    private static async Task WaitForRunningAsync(SqliteResourceStore store, long from, string freight, CancellationToken cancellationToken)
    {
        await foreach (var change in store.WatchAsync(from, ResourceQuery.OfKind("Promotion"), cancellationToken))
        {
            if (change.Object.Spec.TryGetProperty("freight", out var f) && f.GetString() == freight
                && change.Object.Status is { } status && status.TryGetProperty("phase", out var phase) && phase.GetString() is "Running" or "Succeeded")
            {
                return;
            }
        }
    }

    private static async Task BurstAsync()
    {
        await using var world = await World.CreateAsync(warehouses: 100, stagesPerWarehouse: 1);
        using var stop = new CancellationTokenSource();
        var running = world.Controller.Runtime.RunAsync(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            await world.PutFreightAsync($"b{i:D4}", $"w{i}", 0);
        }
        await WaitForAsync(async () => (await world.PhasesAsync()).Count(p => p == "Succeeded") == 100, TimeSpan.FromSeconds(120));
        Console.WriteLine($"burst of 100 new Freight (100 Warehouses, 100 auto-promoting Stages) -> 100 Promotions Succeeded: {clock.Elapsed.TotalSeconds:F2} s");
        await stop.CancelAsync();
        await running;
    }

    private static async Task IdleAsync(int seconds)
    {
        await using var world = await World.CreateAsync(warehouses: 100, stagesPerWarehouse: 5);
        using var stop = new CancellationTokenSource();
        var running = world.Controller.Runtime.RunAsync(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(10));
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var reconciles = world.Controller.Runtime.ReconcileCount;
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        process.Refresh();
        var used = process.TotalProcessorTime - cpu;
        Console.WriteLine($"idle 500 Stages + 100 Warehouses over {clock.Elapsed.TotalSeconds:F0} s: CPU {used.TotalMilliseconds:F0} ms ({100 * used / clock.Elapsed:F2} % of one core), "
            + $"RSS {process.WorkingSet64 / (1024 * 1024)} MB, reconciles {world.Controller.Runtime.ReconcileCount - reconciles}");
        await stop.CancelAsync();
        await running;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var limit = Stopwatch.StartNew();
        while (!await condition())
        {
            if (limit.Elapsed > (timeout ?? TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException("the pipeline did not get there in time");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>A Barge home with a local git repository, <c>w0..wN</c> Warehouses (manual Freight) and auto-promoting Stages.</summary>
    private sealed class World : IAsyncDisposable
    {
        private readonly string _root;
        private readonly SecretCipher _cipher = new(RandomNumberGenerator.GetBytes(32));

        private World(string root, SqliteResourceStore store)
        {
            _root = root;
            Store = store;
            Controller = new PipelineController(store, Path.Combine(root, "home"), _cipher, TimeProvider.System, NullLoggerFactory.Instance);
        }

        public SqliteResourceStore Store { get; }

        public PipelineController Controller { get; }

        public static async Task<World> CreateAsync(int warehouses, int stagesPerWarehouse)
        {
            var root = Path.Combine(Path.GetTempPath(), "barge-pipeline-macro-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(root, "home"));
            var repo = Path.Combine(root, "repo");
            Directory.CreateDirectory(repo);
            Git(repo, "init", "--quiet", "--initial-branch=main");
            await File.WriteAllTextAsync(Path.Combine(repo, "a"), "a");
            Git(repo, "add", ".");
            Git(repo, "commit", "--quiet", "-m", "a");
            var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(root, "home", "barge.db")), TimeProvider.System);
            var world = new World(root, store);
            var yaml = new StringBuilder("apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: p\n");
            var policies = new StringBuilder();
            for (var w = 0; w < warehouses; w++)
            {
                yaml.Append($"---\napiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: w{w}\n  namespace: p\nspec:\n  freightCreationPolicy: Manual\n  subscriptions:\n  - git:\n      repoURL: {new Uri(repo).AbsoluteUri}\n");
                for (var s = 0; s < stagesPerWarehouse; s++)
                {
                    var source = s == 0 ? "      direct: true" : $"      stages: [s{w}-{s - 1}]";
                    yaml.Append($"---\napiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: s{w}-{s}\n  namespace: p\nspec:\n  requestedFreight:\n  - origin:\n      kind: Warehouse\n      name: w{w}\n    sources:\n{source}\n"
                        + $"  promotionTemplate:\n    spec:\n      steps:\n      - uses: compose-output\n        as: out\n        config:\n          stage: s{w}-{s}\n");
                }
                policies.Append($"  - stageSelector:\n      name: s{w}-0\n    autoPromotionEnabled: true\n");
            }
            yaml.Append("---\napiVersion: kargo.akuity.io/v1alpha1\nkind: ProjectConfig\nmetadata:\n  name: p\n  namespace: p\nspec:\n  promotionPolicies:\n").Append(policies);
            var read = new ManifestReader().ReadText(yaml.ToString(), "bench.yaml");
            var applied = await new ManifestApplier(store, new Random(1), world._cipher).ApplyAsync(read.Documents);
            if (!read.Succeeded || applied.Errors.Count > 0 || applied.StoreFailure is not null)
            {
                throw new InvalidOperationException(string.Join("\n", read.Errors.Concat(applied.Errors)) + applied.StoreFailure);
            }
            return world;
        }

        public async Task PutFreightAsync(string name, string warehouse, int index)
        {
            var freight = new Freight
            {
                Metadata = new ObjectMeta { Name = name, Namespace = "p" },
                Origin = new Barge.Resources.Model.FreightOrigin { Kind = "Warehouse", Name = warehouse },
                Commits = [new GitCommit { RepoURL = "https://git.example.com/app.git", Id = name.PadRight(40, '0') }],
                DiscoveredAt = DateTimeOffset.UtcNow.AddSeconds(index),
            };
            var manifest = ResourceSerializer.ToJsonNode((Resource)freight);
            await Store.CreateAsync(new NewResource(new ResourceKey("Freight", "p", name), KargoApi.Version, ManifestEnvelope.SpecOf("Freight", manifest)));
        }

        public async Task<List<string?>> PhasesAsync() =>
            [.. (await Store.ListAsync(ResourceQuery.OfKind("Promotion", "p"))).Items
                .Select(p => p.Status is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("phase", out var phase) ? phase.GetString() : null)];

        public async ValueTask DisposeAsync()
        {
            Controller.Dispose();
            await Store.DisposeAsync();
            _cipher.Dispose();
            Directory.Delete(_root, recursive: true);
        }

        private static void Git(string directory, params string[] arguments)
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = directory, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            start.Environment["GIT_AUTHOR_NAME"] = "bench";
            start.Environment["GIT_AUTHOR_EMAIL"] = "bench@example.com";
            start.Environment["GIT_COMMITTER_NAME"] = "bench";
            start.Environment["GIT_COMMITTER_EMAIL"] = "bench@example.com";
            using var process = Process.Start(start)!;
            process.WaitForExit();
        }
    }
}
