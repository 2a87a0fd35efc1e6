using System.Text.Json;
using Barge.Storage.Postgres;
using Barge.Storage.Tests.Contract;
using Barge.Storage.Watching;
using Npgsql;
using Xunit;

namespace Barge.Storage.Tests.Postgres;

/// <summary>
/// What only the PostgreSQL store has: several store instances ("replicas", each with its own
/// connection pool and listening connection) on one schema, migrations racing, the listener
/// reconnecting. Every test uses a fresh schema.
/// </summary>
public sealed class PostgresReplicaTests : IAsyncLifetime
{
    private readonly string _schema = PostgresTestServer.NewSchema();
    private readonly List<PostgresResourceStore> _stores = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
        if (Environment.GetEnvironmentVariable(PostgresTestServer.EnvironmentVariable) is { Length: > 0 })
        {
            await PostgresTestServer.DropSchemaAsync(_schema);
        }
    }

    [Fact]
    public async Task Watch_TwoReplicasWritingConcurrently_ThirdSeesEveryVersionOnceInOrder()
    {
        const int TasksPerReplica = 4;
        const int WritesPerTask = 60;
        var a = await OpenAsync();
        var b = await OpenAsync();
        var watcher = await OpenAsync();
        var final = 2L * TasksPerReplica * WritesPerTask * 2;
        var watching = Task.Run(() => WatchCollector.CollectAsync(watcher, 0, final, timeoutSeconds: 120));

        await Task.WhenAll(new[] { ("a", a), ("b", b) }.SelectMany(replica => Enumerable.Range(0, TasksPerReplica).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < WritesPerTask; i++)
            {
                var created = await replica.Item2.CreateAsync(Stage($"{replica.Item1}-{t}-{i}"));
                await replica.Item2.UpdateStatusAsync(created.Key, created.ResourceVersion, Json($$"""{"by":"{{replica.Item1}}"}"""));
            }
        }))));
        var changes = await watching;

        WatchCollector.AssertContiguous(changes, 0, final);
        Assert.Equal(final / 2, changes.Count(c => c.Type == ChangeType.Added));
        Assert.Equal(final / 4, changes.Count(c => c.Object.Status?.GetProperty("by").GetString() == "b"));
        // Each resource's own changes arrive in the order they were made: Added before its status write.
        Assert.All(changes.GroupBy(c => c.Object.Key), g => Assert.Equal([ChangeType.Added, ChangeType.Modified], g.Select(c => c.Type)));
        Assert.Equal(final, await watcher.GetResourceVersionAsync());
    }

    [Fact]
    public async Task Update_TwoReplicasWithRetryOnConflict_LoseNoUpdate()
    {
        var a = await OpenAsync();
        var b = await OpenAsync();
        var counter = await a.CreateAsync(Stage("counter", """{"count":0}"""));

        await Task.WhenAll(new[] { a, b, a, b }.Select(store => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                while (true)
                {
                    var current = (await store.GetAsync(counter.Key))!;
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
        })));

        var final = (await b.GetAsync(counter.Key))!;
        Assert.Equal(100, final.Spec.GetProperty("count").GetInt64());
        Assert.Equal(101, final.Generation);
    }

    [Fact]
    public async Task OpenAsync_ThreeReplicasAtOnceOnAFreshSchema_MigrateOnce()
    {
        var options = PostgresTestServer.Options(_schema);

        var stores = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => PostgresResourceStore.OpenAsync(options))));
        _stores.AddRange(stores);
        var created = await Task.WhenAll(stores.Select((s, i) => s.CreateAsync(Stage("s" + i))));

        Assert.Equal([1, 2, 3], created.Select(r => r.ResourceVersion).Order());
        Assert.Equal(PostgresResourceStore.SchemaVersion, await PostgresTestServer.ScalarAsync<int>(_schema, "SELECT count(*) FROM schema_migrations"));
        Assert.Equal(PostgresResourceStore.SchemaVersion, await PostgresTestServer.ScalarAsync<int>(_schema, "SELECT max(version) FROM schema_migrations"));
    }

    [Fact]
    public async Task MigrateAsync_CurrentSchema_AppliesNothing()
    {
        var options = PostgresTestServer.Options(_schema);

        var first = await PostgresResourceStore.MigrateAsync(options);
        var second = await PostgresResourceStore.MigrateAsync(options);

        Assert.Equal(new PostgresMigration(0, PostgresResourceStore.SchemaVersion), first);
        Assert.Equal(0, second.Applied);
    }

    [Fact]
    public async Task OpenAsync_SchemaFromNewerBarge_RefusesWithClearError()
    {
        await PostgresResourceStore.MigrateAsync(PostgresTestServer.Options(_schema));
        await PostgresTestServer.ScalarAsync<int>(_schema, "INSERT INTO schema_migrations (version) VALUES (99) RETURNING version");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresResourceStore.OpenAsync(PostgresTestServer.Options(_schema)));

        Assert.Contains($"schema version 99 is newer than this Barge understands ({PostgresResourceStore.SchemaVersion})", error.Message, StringComparison.Ordinal);
        Assert.Contains($"(schema {_schema})", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("upper case", "Barge")]
    [InlineData("quote", "a\"b")]
    [InlineData("empty", "")]
    [InlineData("leading digit", "1abc")]
    public async Task OpenAsync_BadSchemaName_ThrowsNamingIt(string because, string schema)
    {
        _ = because;
        var error = await Assert.ThrowsAsync<ArgumentException>(() => PostgresResourceStore.OpenAsync(new PostgresStoreOptions("Host=127.0.0.1") { Schema = schema }));

        Assert.Contains($"schema \"{schema}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_ConnectionStringWithPassword_LeavesThePasswordOut()
    {
        var description = PostgresResourceStore.Describe(new PostgresStoreOptions("Host=db.example.com;Port=6432;Database=barge;Username=u;Password=hunter2") { Schema = "prod" });

        Assert.Equal("postgresql db.example.com:6432/barge (schema prod)", description);
    }

    [Fact]
    public async Task Watch_ListeningConnectionKilled_ReconnectsAndWakesOnTheNextWrite()
    {
        // A poll interval far beyond the test: only notifications can wake this watch.
        var watcher = await OpenAsync(TimeSpan.FromHours(1));
        var writer = await OpenAsync();
        await writer.CreateAsync(Stage("before"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new List<ResourceChange>();
        var second = new TaskCompletionSource();
        var watching = Task.Run(async () =>
        {
            await foreach (var change in watcher.WatchAsync(0, null, cancel.Token))
            {
                seen.Add(change);
                if (change.ResourceVersion == 2)
                {
                    second.TrySetResult();
                    return;
                }
            }
        });
        while (watcher.ListenerBackendProcessId == 0)
        {
            await Task.Delay(10);
        }
        var killed = watcher.ListenerBackendProcessId;

        await PostgresTestServer.ScalarAsync<bool>(_schema, $"SELECT pg_terminate_backend({killed})");
        while (watcher.ListenerBackendProcessId is 0 || watcher.ListenerBackendProcessId == killed)
        {
            await Task.Delay(10, cancel.Token);
        }
        await writer.CreateAsync(Stage("after"));
        await second.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await watching;

        Assert.Equal(["before", "after"], seen.Select(c => c.Object.Key.Name));
        Assert.True(watcher.ListenerConnections >= 2);
    }

    [Fact]
    public async Task Create_WriteLockHeldElsewhereBeyondTheTimeout_ThrowsTimeoutNamingTheStore()
    {
        var store = await PostgresResourceStore.OpenAsync(PostgresTestServer.Options(_schema) with { LockTimeout = TimeSpan.FromMilliseconds(200) });
        _stores.Add(store);
        await using var holder = new NpgsqlConnection(PostgresTestServer.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"SELECT value FROM \"{_schema}\".counters WHERE name = 'resource_version' FOR UPDATE", holder))
        {
            await lockRow.ExecuteScalarAsync();
        }

        var error = await Assert.ThrowsAsync<TimeoutException>(() => store.CreateAsync(Stage("blocked")));
        await transaction.RollbackAsync();
        var after = await store.CreateAsync(Stage("after"));

        Assert.Contains($"(schema {_schema}): the store-wide write lock", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.GetAsync(new ResourceKey("Stage", "grommet", "blocked")));
        Assert.Equal(1, after.ResourceVersion);
    }

    [Fact]
    public async Task Watch_WriteOnAnotherReplica_ArrivesWithoutPolling()
    {
        var watcher = await OpenAsync(TimeSpan.FromHours(1));
        var writer = await OpenAsync();
        var watching = Task.Run(() => WatchCollector.CollectAsync(watcher, 0, 20, timeoutSeconds: 30));

        for (var i = 0; i < 20; i++)
        {
            await writer.CreateAsync(Stage("s" + i));
            await Task.Delay(5);
        }

        WatchCollector.AssertContiguous(await watching, 0, 20);
    }

    private async Task<PostgresResourceStore> OpenAsync(TimeSpan? pollInterval = null)
    {
        var options = PostgresTestServer.Options(_schema);
        var store = await PostgresResourceStore.OpenAsync(pollInterval is { } poll ? options with { WatchPollInterval = poll } : options);
        _stores.Add(store);
        return store;
    }

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static NewResource Stage(string name, string spec = "{}") =>
        new(new ResourceKey("Stage", "grommet", name), "kargo.akuity.io/v1alpha1", Json(spec));
}
