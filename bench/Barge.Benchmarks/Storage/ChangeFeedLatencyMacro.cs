using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Barge.Storage;
using Barge.Storage.Postgres;
using Barge.Storage.Sqlite;

namespace Barge.Benchmarks.Storage;

/// <summary>
/// Change-feed latency between two processes on one store: this process writes (store instance A),
/// a child process (<c>feed-watch</c>, instance B) runs <see cref="IResourceStore.WatchAsync"/> from the
/// version before the first write and prints each change's resourceVersion with the monotonic clock
/// reading (<see cref="Stopwatch.GetTimestamp"/>, one system-wide clock on Linux) when it saw it.
/// Each write waits until B has seen it, so writes never batch, then a pause drawn uniformly from
/// 0–100 ms (fixed seed), so writes land at random moments of a polling watcher's cycle. Run:
/// <c>dotnet run -c Release -- feed-latency [writes] [sqlite|postgres ...]</c>.
/// </summary>
internal static class ChangeFeedLatencyMacro
{
    private const int WarmUp = 20;
    private static readonly TimeSpan SeenTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var writes = 1000;
        if (args.Length > 0 && !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out writes))
        {
            await Console.Error.WriteLineAsync($"feed-latency: \"{args[0]}\" is not a number of writes");
            return 2;
        }
        var kinds = args.Length > 1 ? args[1..] : ["sqlite", "postgres"];
        foreach (var kind in kinds)
        {
            if (kind is not ("sqlite" or "postgres"))
            {
                await Console.Error.WriteLineAsync($"feed-latency: unknown store \"{kind}\" (sqlite or postgres)");
                return 2;
            }
        }
        foreach (var kind in kinds)
        {
            var stores = new BenchStores();
            try
            {
                await MeasureAsync(kind, stores, writes);
            }
            finally
            {
                await stores.CloseAsync();
            }
        }
        return 0;
    }

    private static async Task MeasureAsync(string kind, BenchStores stores, int writes)
    {
        var name = "feed_" + Guid.NewGuid().ToString("N")[..8];
        var writer = await stores.OpenAsync(kind, name);
        var from = await writer.GetResourceVersionAsync();
        var target = kind == "sqlite" ? stores.SqlitePath(name) : stores.SchemaFor(name);
        using var child = StartWatcher(kind, target, from);
        try
        {
            var total = new List<double>(writes);
            var afterCommit = new List<double>(writes);
            var write = new List<double>(writes);
            var pauses = new Random(42);
            for (var i = 0; i < WarmUp + writes; i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(pauses.NextDouble() * 100));
                var key = new ResourceKey("Stage", "grommet", "s" + i.ToString(CultureInfo.InvariantCulture));
                var start = Stopwatch.GetTimestamp();
                var written = await writer.CreateAsync(new NewResource(key, "kargo.akuity.io/v1alpha1", Spec));
                var committed = Stopwatch.GetTimestamp();
                var seen = await SeenAsync(child, written.ResourceVersion);
                if (i >= WarmUp)
                {
                    total.Add(Stopwatch.GetElapsedTime(start, seen).TotalMilliseconds);
                    afterCommit.Add(Stopwatch.GetElapsedTime(committed, seen).TotalMilliseconds);
                    write.Add(Stopwatch.GetElapsedTime(start, committed).TotalMilliseconds);
                }
            }
            var load = LatencySummary.Load();
            Console.WriteLine($"{kind,-8} write on A → seen by a watch in another process (B): {LatencySummary.Of(total)} [load {load}]");
            Console.WriteLine($"{kind,-8}   of which the write (create until it returned):   {LatencySummary.Of(write)}");
            Console.WriteLine($"{kind,-8}   write returned → seen by B (negative: B saw it first): {LatencySummary.Of(afterCommit)}");
        }
        finally
        {
            child.StandardInput.Close();
            if (!child.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                child.Kill();
            }
        }
    }

    private static readonly JsonElement Spec = ScaleData.Json("""{"requestedFreight":[{"origin":{"kind":"Warehouse","name":"w0"}}]}""");

    private static Process StartWatcher(string kind, string target, long from)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("feed-latency: the path of this process is unknown");
        var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(ChangeFeedLatencyMacro).Assembly.Location);
        }
        foreach (var argument in new[] { "feed-watch", kind, target, from.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }
        return Process.Start(info) ?? throw new InvalidOperationException($"feed-latency: could not start {self}");
    }

    /// <summary>The clock reading at which the watcher saw <paramref name="version"/> (changes before it are skipped).</summary>
    private static async Task<long> SeenAsync(Process child, long version)
    {
        using var timeout = new CancellationTokenSource(SeenTimeout);
        while (true)
        {
            var line = await child.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"feed-latency: the watcher process exited (code {(child.HasExited ? child.ExitCode : -1)}) before it saw resourceVersion {version}");
            var parts = line.Split(' ');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seenVersion)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var at)
                && seenVersion >= version)
            {
                return at;
            }
        }
    }

    /// <summary>The child: watches the store and prints "resourceVersion clock" per change until stdin closes.</summary>
    public static async Task<int> WatchAsync(string[] args)
    {
        if (args.Length != 3 || !long.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var from))
        {
            await Console.Error.WriteLineAsync("usage: feed-watch sqlite|postgres <sqlite file|postgres schema> <fromVersion>");
            return 2;
        }
        await using IResourceStore store = args[0] switch
        {
            "sqlite" => await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(args[1]) { SyncEveryCommit = false }),
            "postgres" => await PostgresResourceStore.OpenAsync(new PostgresStoreOptions(BenchStores.PostgresConnectionString) { Schema = args[1] }),
            _ => throw new ArgumentException($"feed-watch: unknown store \"{args[0]}\" (sqlite or postgres)", nameof(args)),
        };
        using var stop = new CancellationTokenSource();
        var stdin = Task.Run(async () =>
        {
            while (await Console.In.ReadLineAsync() is not null)
            {
            }
            await stop.CancelAsync();
        });
        try
        {
            await foreach (var change in store.WatchAsync(from, null, stop.Token))
            {
                var at = Stopwatch.GetTimestamp();
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{change.ResourceVersion} {at}"));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        await stdin;
        return 0;
    }
}
