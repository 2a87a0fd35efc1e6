using System.Globalization;
using System.Text.Json;
using Barge.Storage.Selection;
using Barge.Storage.Sqlite;
using Barge.Storage.Tests.Contract;
using Barge.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Barge.Storage.Tests.Sqlite;

/// <summary>
/// Several processes on one SQLite file: the second process is Barge.Storage.ProcessHost, a real
/// separate OS process with its own store instance, so only the file and SQLite's locks are shared.
/// </summary>
public sealed class SqliteMultiProcessTests : IDisposable
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(3);
    private readonly TempDirectory _directory = new("store-mp");

    private string DatabasePath => _directory.Combine("barge.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Update_TwoProcessesAndLocalTasksWithRetry_LoseNoUpdate()
    {
        await using var store = await OpenAsync();
        var key = new ResourceKey("Stage", "grommet", "counter");
        await store.CreateAsync(new NewResource(key, "v1", Json("""{"count":0}""")));

        using var first = ProcessHostRunner.Start("increment", DatabasePath, "Stage", "grommet", "counter", "150");
        using var second = ProcessHostRunner.Start("increment", DatabasePath, "Stage", "grommet", "counter", "150");
        var local = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => IncrementAsync(store, key, 25))));
        var outputs = await Task.WhenAll(first.WaitAsync(ProcessTimeout), second.WaitAsync(ProcessTimeout));
        await local;

        var final = (await store.GetAsync(key))!;
        Assert.Equal(400, final.Spec.GetProperty("count").GetInt64());
        Assert.Equal(401, final.Generation);
        Assert.All(outputs, output => Assert.True(int.TryParse(output.Trim(), CultureInfo.InvariantCulture, out _), output));
    }

    [Fact]
    public async Task Watch_WritesOfAnotherProcess_ArriveWithoutGapOrDuplicate()
    {
        await using var store = await OpenAsync();
        for (var i = 0; i < 10; i++)
        {
            await store.CreateAsync(new NewResource(new ResourceKey("Stage", "grommet", "pre" + i), "v1", Json("{}")));
        }
        const long Final = 10 + 200 + 100;
        var fromStart = Task.Run(() => Collect(store, 0, Final));
        var fromMiddle = Task.Run(() => Collect(store, 5, Final));

        using var other = ProcessHostRunner.Start("create", DatabasePath, "Freight", "grommet", "remote", "200");
        for (var i = 0; i < 100; i++)
        {
            await store.CreateAsync(new NewResource(new ResourceKey("Stage", "grommet", "local" + i), "v1", Json("{}")));
        }
        await other.WaitAsync(ProcessTimeout);

        var all = await fromStart;
        Assert.Equal(Enumerable.Range(1, (int)Final).Select(v => (long)v), all.Select(c => c.ResourceVersion));
        Assert.Equal(200, all.Count(c => c.Object.Key.Kind == "Freight"));
        Assert.Equal(Enumerable.Range(6, (int)Final - 5).Select(v => (long)v), (await fromMiddle).Select(c => c.ResourceVersion));
    }

    [Fact]
    public async Task Watch_InAnotherProcessesStore_SeesThisProcessesWrites()
    {
        // Two store instances on one file behave like two processes: no shared in-process signal.
        await using var writer = await OpenAsync();
        await using var watcher = await OpenAsync();
        var watching = Task.Run(() => Collect(watcher, 0, 50));

        for (var i = 0; i < 50; i++)
        {
            await writer.CreateAsync(new NewResource(new ResourceKey("Stage", "grommet", "s" + i), "v1", Json("{}")));
        }

        Assert.Equal(50, (await watching).Count);
    }

    [Fact]
    public async Task ApplyAsync_ProcessKilledWithSigkillMidBatch_LeavesAllOrNothing()
    {
        const int BatchSize = 20_000;
        int[] killAfterMilliseconds = [0, 100, 400, 1500];
        var killedBeforeCommit = 0;
        for (var trial = 0; trial < killAfterMilliseconds.Length; trial++)
        {
            var prefix = "trial" + trial.ToString(CultureInfo.InvariantCulture);
            using var victim = ProcessHostRunner.Start("batch", DatabasePath, "Freight", "grommet", prefix, BatchSize.ToString(CultureInfo.InvariantCulture));
            using var wait = new CancellationTokenSource(ProcessTimeout);
            Assert.Equal("begin", await victim.ReadLineAsync(wait.Token));
            await Task.Delay(killAfterMilliseconds[trial]);
            await victim.KillAsync();

            await using var store = await OpenAsync();
            var stored = await store.ListAsync(ResourceQuery.OfKind("Freight", "grommet") with { Labels = LabelSelector.Parse("batch=" + prefix) });
            Assert.True(stored.Items.Count is 0 or BatchSize, $"trial {trial}: {stored.Items.Count} of {BatchSize} documents survived the kill");
            killedBeforeCommit += stored.Items.Count == 0 ? 1 : 0;

            await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
            await connection.OpenAsync();
            Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
            Assert.Equal(
                Scalar(connection, "SELECT coalesce(max(version), 0) FROM changes"),
                Scalar(connection, "SELECT value FROM counters WHERE name = 'resource_version'"));
            var after = await store.CreateAsync(new NewResource(new ResourceKey("Stage", "grommet", "after" + trial), "v1", Json("{}")));
            Assert.Equal(stored.ResourceVersion + 1, after.ResourceVersion);
        }
        Assert.True(killedBeforeCommit > 0, "no trial killed the writer before its commit");
    }

    private async Task<SqliteResourceStore> OpenAsync() =>
        await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(DatabasePath) { WatchPollInterval = TimeSpan.FromMilliseconds(20) });

    private static Task<List<Watching.ResourceChange>> Collect(IResourceStore store, long from, long until) =>
        WatchCollector.CollectAsync(store, from, until);

    private static async Task IncrementAsync(SqliteResourceStore store, ResourceKey key, int times)
    {
        for (var i = 0; i < times; i++)
        {
            while (true)
            {
                var current = (await store.GetAsync(key))!;
                var next = current.Spec.GetProperty("count").GetInt64() + 1;
                try
                {
                    await store.UpdateAsync(ResourceUpdate.From(current, Json($$"""{"count":{{next}}}""")));
                    break;
                }
                catch (ResourceConflictException)
                {
                }
            }
        }
    }

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }
}
