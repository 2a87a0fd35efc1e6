using System.Net;
using System.Text;
using Barge.Cli.Tests.EndToEnd;
using Barge.Engine.Audit;
using Barge.Storage;
using Barge.Storage.Events;
using Barge.Storage.Postgres;
using Npgsql;
using Xunit;
using Barge.Testing.Grommet;

namespace Barge.Cli.Tests.Replicas;

/// <summary>
/// Issue 10's acceptance with real processes: <c>barge serve</c> replicas on one PostgreSQL store
/// (<c>$BARGE_TEST_POSTGRES</c>; scripts/test.sh starts one), the grommet pipeline with real git
/// remotes and a real registry.
/// </summary>
public sealed class ReplicaServeTests : IAsyncLifetime
{
    private const string Variable = "BARGE_TEST_POSTGRES";
    private readonly string _schema = "rs_" + Guid.NewGuid().ToString("N")[..16];
    private readonly string _token = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + "aa";
    private readonly List<ServeProcess> _replicas = [];

    private static string Connection =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"${Variable} is not set: run scripts/test.sh, which starts a throw-away PostgreSQL and exports it");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            replica.Dispose();
        }
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Serve_PostgresStore_ReadyzNamesTheStoreWithoutPassword()
    {
        var store = new NpgsqlConnectionStringBuilder(Connection) { Password = "s3cret-not-shown" }.ConnectionString;
        var replica = await StartAsync("r1", "2s", store);

        var ready = await replica.Http.GetStringAsync(new Uri("/readyz?verbose", UriKind.Relative));

        Assert.StartsWith("ok\nstore: postgresql ", ready, StringComparison.Ordinal);
        Assert.Contains($"(schema {_schema})", ready, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", ready + replica.Log, StringComparison.Ordinal);
        Assert.Equal("ok", await replica.Http.GetStringAsync(new Uri("/readyz", UriKind.Relative)));
    }

    [Fact]
    public async Task Serve_BadStoreConnectionString_ExitsWithBadInput()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync("bad", "2s", "Hots=nowhere"));

        Assert.Contains("--store is not a PostgreSQL connection string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_LeaseOptionsWithoutPostgresStore_RefusedAsBadInput()
    {
        using var home = new Barge.Testing.TempDirectory("replica-sqlite");

        var result = await new BargeRun(home.Path).RunAsync("serve", "--listen", "127.0.0.1:0", "--lease-ttl", "2s");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--lease-ttl and --replica-id need a PostgreSQL store", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreeReplicas_GrommetAutoPromotion_EachFreightPromotedOnceOneAuditEntryPerEvent()
    {
        using var world = new GrommetWorld();
        world.CommitAndTag("dev-1");
        await world.PushImageAsync("dev-1", DateTimeOffset.UtcNow);
        for (var i = 1; i <= 3; i++)
        {
            await StartAsync($"r{i}", "2s", Connection);
        }
        var pipeline = world.Pipeline();
        using (var apply = await _replicas[0].Http.PostAsync(new Uri("/v1beta1/resources", UriKind.Relative), new StringContent(pipeline, Encoding.UTF8, "application/yaml")))
        {
            Assert.True(apply.StatusCode == HttpStatusCode.Created, $"apply: HTTP {(int)apply.StatusCode} {await apply.Content.ReadAsStringAsync()}");
        }
        await WaitForSucceededAsync(1);

        for (var round = 2; round <= 3; round++)
        {
            world.CommitAndTag($"dev-{round}");
            await world.PushImageAsync($"dev-{round}", DateTimeOffset.UtcNow);
            // Any replica takes the refresh; the one holding the Warehouse's lease discovers.
            using var refresh = await _replicas[round - 1].Http.PostAsync(new Uri("/v1beta1/projects/grommet/warehouses/grommet-dev/refresh", UriKind.Relative), null);
            Assert.True(refresh.IsSuccessStatusCode, $"refresh: HTTP {(int)refresh.StatusCode}");
            await WaitForSucceededAsync(round);
        }
        await Task.Delay(TimeSpan.FromSeconds(2));

        await using var store = await PostgresResourceStore.OpenAsync(new PostgresStoreOptions(Connection) { Schema = _schema });
        var freight = (await store.ListAsync(ResourceQuery.OfKind("Freight", "grommet"))).Items
            .Where(f => f.Spec.GetProperty("origin").GetProperty("name").GetString() == "grommet-dev").ToList();
        var promotions = await DevPromotionsAsync(store);
        Assert.Equal(3, freight.Count);
        Assert.Equal(3, promotions.Count);
        Assert.Equal(3, promotions.Select(p => p.Spec.GetProperty("freight").GetString()).Distinct().Count());
        var commits = world.Git(world.ConfigBare, "rev-list", "--count", "main").Trim();
        Assert.Equal("4", commits); // the seed and one commit per promotion: no push repeated
        var audit = (await store.QueryEventsAsync(new EventQuery { Project = "grommet", Limit = 1000 })).Items
            .Select(AuditRecord.FromEvent).OfType<AuditRecord>().ToList();
        Assert.Equal(3, audit.Count(a => a.Type == AuditTypes.PromotionFinished && a.Stage == "dev"));
        Assert.Equal(3, audit.Count(a => a.Type == AuditTypes.PromotionCreated && a.Stage == "dev"));
        Assert.Equal((await store.ListAsync(ResourceQuery.OfKind("Freight", "grommet"))).Items.Count, audit.Count(a => a.Type == AuditTypes.FreightCreated));
        Assert.All(_replicas, r => Assert.False(r.HasExited, r.Log));
    }

    private async Task<ServeProcess> StartAsync(string name, string ttl, string store)
    {
        var replica = await ServeProcess.StartAsync(name, store, _schema, _token, ttl);
        _replicas.Add(replica);
        return replica;
    }

    private async Task WaitForSucceededAsync(int count)
    {
        await using var store = await PostgresResourceStore.OpenAsync(new PostgresStoreOptions(Connection) { Schema = _schema });
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var promotions = await DevPromotionsAsync(store);
            if (promotions.Count(p => p.Status is { } s && s.TryGetProperty("phase", out var phase) && phase.GetString() == "Succeeded") >= count)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"no {count} succeeded dev Promotions within 90 s ({promotions.Count} exist)\n{string.Join("\n---\n", _replicas.Select(r => r.Log))}");
            await Task.Delay(200);
        }
    }

    private static async Task<List<StoredResource>> DevPromotionsAsync(PostgresResourceStore store) =>
        [.. (await store.ListAsync(ResourceQuery.OfKind("Promotion", "grommet"))).Items
            .Where(p => p.Spec.GetProperty("stage").GetString() == "dev")];
}
