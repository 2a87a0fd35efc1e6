using System.Net;
using System.Text;
using System.Text.Json;
using Barge.Cli.Tests.EndToEnd;
using Barge.Engine.Git;
using Barge.Storage;
using Barge.Storage.Postgres;
using Npgsql;
using Xunit;
using Barge.Testing.Grommet;

namespace Barge.Cli.Tests.Replicas;

/// <summary>
/// Chaos: three <c>barge serve</c> replicas on one PostgreSQL store run cheap file-writing Promotions
/// (clone, write one file named after the Promotion, commit, push) on three Stages; in every trial a
/// batch of Promotions is requested and a random replica is killed with SIGKILL at a random moment,
/// then replaced. Every Promotion must end Succeeded, and the config repository must carry exactly one
/// commit per Promotion (no push repeated, none lost).
/// </summary>
public sealed class ReplicaChaosTests : IAsyncLifetime
{
    private const int Trials = 20;
    private const int PromotionsPerTrial = 9;
    private const string ChaosStages = """
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Stage
        metadata:
          name: STAGE
          namespace: grommet
        spec:
          requestedFreight:
          - origin:
              kind: Warehouse
              name: grommet-dev
            sources:
              direct: true
          promotionTemplate:
            spec:
              steps:
              - uses: git-clone
                config:
                  repoURL: "CONFIG"
                  checkout:
                  - branch: main
                    path: ./config
              - uses: file-write
                config:
                  path: ./config/chaos/${{ ctx.promotion }}.txt
                  contents: ${{ ctx.promotion }}
                  overwrite: true
              - uses: git-commit
                config:
                  path: ./config
                  message: chaos ${{ ctx.promotion }}
              - uses: git-push
                config:
                  path: ./config
                  targetBranch: main
        """;

    private readonly string _schema = "rc_" + Guid.NewGuid().ToString("N")[..16];
    private readonly string _token = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + "bb";
    private readonly List<ServeProcess> _replicas = [];

    private static string Connection =>
        Environment.GetEnvironmentVariable("BARGE_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("$BARGE_TEST_POSTGRES is not set: run scripts/test.sh, which starts a throw-away PostgreSQL and exports it");

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
    public async Task ThreeReplicas_OneKilledPerTrial_EveryPromotionSucceedsOnceWithOneCommit()
    {
        using var world = new GrommetWorld();
        world.CommitAndTag("dev-1");
        await world.PushImageAsync("dev-1", DateTimeOffset.UtcNow);
        for (var i = 0; i < 3; i++)
        {
            _replicas.Add(await ServeProcess.StartAsync($"r{i}", Connection, _schema, _token, "2s"));
        }
        // The config repository is served from this process, as a remote is: with a file URL git's
        // receive-pack runs in the killed replica's process tree, and a kill during a ref update leaves
        // refs/heads/main.lock in the repository, which fails every later push.
        using var remote = GitHttpServer.Start(Path.GetDirectoryName(world.ConfigBare)!, new GitHttpServerOptions(AllowPush: true));
        var configUrl = remote.UrlOf(world.ConfigBare);
        var stages = new[] { "c0", "c1", "c2" };
        var pipeline = GrommetExample.Render(world.SourceUrl, configUrl, world.ImageRepo)
            + string.Concat(stages.Select(s => "\n" + ChaosStages.Replace("STAGE", s, StringComparison.Ordinal).Replace("CONFIG", configUrl, StringComparison.Ordinal)));
        using (var apply = await Live().Http.PostAsync(new Uri("/v1beta1/resources", UriKind.Relative), new StringContent(pipeline, Encoding.UTF8, "application/yaml")))
        {
            Assert.True(apply.StatusCode == HttpStatusCode.Created, $"apply: HTTP {(int)apply.StatusCode} {await apply.Content.ReadAsStringAsync()}");
        }
        await using var store = await PostgresResourceStore.OpenAsync(new PostgresStoreOptions(Connection) { Schema = _schema });
        var freight = await WaitForAsync(store, async () =>
            (await store.ListAsync(ResourceQuery.OfKind("Freight", "grommet"))).Items is [var first, ..] ? first.Key.Name : null, "the dev Freight");
        var random = new Random(Environment.TickCount);
        var requested = 0;

        for (var trial = 0; trial < Trials; trial++)
        {
            for (var i = 0; i < PromotionsPerTrial; i++, requested++)
            {
                var replica = Live();
                using var promote = await replica.Http.PostAsync(
                    new Uri($"/v1beta1/projects/grommet/stages/{stages[i % stages.Length]}/promotions", UriKind.Relative),
                    new StringContent(JsonSerializer.Serialize(new { freight }), Encoding.UTF8, "application/json"));
                Assert.True(promote.StatusCode == HttpStatusCode.Created, $"promote: HTTP {(int)promote.StatusCode} {await promote.Content.ReadAsStringAsync()}");
            }
            await Task.Delay(random.Next(100, 2500));
            var victim = _replicas[random.Next(_replicas.Count)];
            victim.Kill();
            _replicas.Remove(victim);
            victim.Dispose();
            _replicas.Add(await ServeProcess.StartAsync($"t{trial}", Connection, _schema, _token, "2s"));
        }

        var all = await WaitForAsync(store, async () =>
        {
            var promotions = await ChaosPromotionsAsync(store, stages);
            return promotions.Count == requested && promotions.All(p => Phase(p) is "Succeeded" or "Failed" or "Errored" or "Aborted") ? promotions : null;
        }, $"{requested} terminal chaos Promotions");

        Assert.All(all, p => Assert.True(Phase(p) == "Succeeded", $"{p.Key.Name}: {p.Status}"));
        var log = world.Git(world.ConfigBare, "log", "--format=%s", "main").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var promotion in all)
        {
            Assert.Equal(1, log.Count(subject => subject == "chaos " + promotion.Key.Name));
        }
        Assert.Equal(requested, log.Count(subject => subject.StartsWith("chaos ", StringComparison.Ordinal)));
    }

    private ServeProcess Live() => _replicas.First(r => !r.HasExited);

    private static string? Phase(StoredResource promotion) =>
        promotion.Status is { } status && status.TryGetProperty("phase", out var phase) ? phase.GetString() : null;

    private static async Task<List<StoredResource>> ChaosPromotionsAsync(PostgresResourceStore store, string[] stages) =>
        [.. (await store.ListAsync(ResourceQuery.OfKind("Promotion", "grommet"))).Items
            .Where(p => stages.Contains(p.Spec.GetProperty("stage").GetString()))];

    private async Task<T> WaitForAsync<T>(PostgresResourceStore store, Func<Task<T?>> probe, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(150);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                var promotions = (await store.ListAsync(ResourceQuery.OfKind("Promotion", "grommet"))).Items;
                Assert.Fail($"timed out waiting for {what}: {string.Join(", ", promotions.Select(p => $"{p.Key.Name}={Phase(p)}"))}\n{string.Join("\n---\n", _replicas.Select(r => r.Log))}");
            }
            await Task.Delay(250);
        }
    }
}
