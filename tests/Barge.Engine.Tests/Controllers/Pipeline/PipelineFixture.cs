using System.Security.Cryptography;
using System.Text.Json;
using Barge.Engine.Audit;
using Barge.Engine.Controllers;
using Barge.Engine.Controllers.Promotions;
using Barge.Engine.Controllers.Stages;
using Barge.Engine.Credentials;
using Barge.Engine.Manifests;
using Barge.Engine.Promotion;
using Barge.Engine.Verification;
using Barge.Resources.Manifests;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;
using Barge.Storage.Events;
using Barge.Storage.Sqlite;
using Barge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Barge.Engine.Tests.Controllers.Pipeline;

/// <summary>
/// A real SQLite store, a fake clock, and the Stage and Promotion reconcilers on one runtime (no
/// Warehouse reconciler: the tests store Freight as a Warehouse would). Pipelines are applied as YAML
/// through the real apply path; promotion steps are file-free <c>compose-output</c> steps.
/// </summary>
internal sealed class PipelineFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new("barge-pipeline");
    private readonly SecretCipher _cipher = new(RandomNumberGenerator.GetBytes(32));

    private PipelineFixture(SqliteResourceStore store, FakeTimeProvider time, IVerificationRunner? runner, PromotionReconcilerOptions? options)
    {
        Store = store;
        Time = time;
        Stages = new StageReconciler(store, time, runner, NullLogger<StageReconciler>.Instance);
        var engine = new PromotionEngine(store, new PromotionEngineOptions(_temp.Combine("work")), time);
        Promotions = new PromotionReconciler(store, (_, _) => Task.FromResult(engine), time, NullLogger<PromotionReconciler>.Instance, options);
        Runtime = new ControllerRuntime(store, [Stages, Promotions], time, NullLogger<ControllerRuntime>.Instance,
            new ControllerOptions { BaseBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(200), IdlePollInterval = TimeSpan.FromMilliseconds(10) });
    }

    public SqliteResourceStore Store { get; }

    public FakeTimeProvider Time { get; }

    public StageReconciler Stages { get; }

    public PromotionReconciler Promotions { get; }

    public ControllerRuntime Runtime { get; }

    public static Task<PipelineFixture> CreateAsync(IVerificationRunner? runner = null, PromotionReconcilerOptions? options = null) =>
        CreateAsync((_, _) => runner, options);

    /// <summary>A fixture whose verification runner is made over its own store and clock.</summary>
    public static async Task<PipelineFixture> CreateAsync(Func<IResourceStore, TimeProvider, IVerificationRunner?> runner, PromotionReconcilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var time = new FakeTimeProvider(T0);
        var directory = new TempDirectory("barge-pipeline-db");
        var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(directory.Path, "barge.db")), time);
        var fixture = new PipelineFixture(store, time, runner(store, time), options);
        fixture._extra.Add(directory);
        return fixture;
    }

    private readonly List<IDisposable> _extra = [];

    /// <summary>A Stage requesting Freight from Warehouse <c>w</c>, directly or from upstream Stages, with one compose-output step (none for a control-flow Stage).</summary>
    public static string StageYaml(string name, string[]? upstream = null, string? soak = null, bool steps = true, bool verification = false) => $$"""
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Stage
        metadata:
          name: {{name}}
          namespace: p
        spec:
          requestedFreight:
          - origin:
              kind: Warehouse
              name: w
            sources:
        {{(upstream is null ? "      direct: true" : "      stages: [" + string.Join(", ", upstream) + "]")}}
        {{(soak is null ? "" : "      requiredSoakTime: " + soak)}}
        {{(verification ? "  verification:\n    analysisTemplates:\n    - name: smoke" : "")}}
        {{(steps ? "  promotionTemplate:\n    spec:\n      steps:\n      - uses: compose-output\n        as: out\n        config:\n          stage: " + name : "")}}
        """;

    private const string WarehouseYaml = """
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: w
          namespace: p
        spec:
          freightCreationPolicy: Manual
          subscriptions:
          - git:
              repoURL: https://git.example.com/app.git

        """;

    public static string AutoPromote(params string[] stages) => """
        apiVersion: kargo.akuity.io/v1alpha1
        kind: ProjectConfig
        metadata:
          name: p
          namespace: p
        spec:
          promotionPolicies:

        """ + string.Concat(stages.Select(s => $"  - stageSelector:\n      name: {s}\n    autoPromotionEnabled: true\n"));

    public async Task ApplyAsync(params string[] documents)
    {
        var yaml = "apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: p\n---\n" + WarehouseYaml + "---\n" + string.Join("\n---\n", documents);
        var read = new ManifestReader().ReadText(yaml, "test.yaml");
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        var result = await new ManifestApplier(Store, new Random(7), _cipher).ApplyAsync(read.Documents);
        Assert.True(result.Errors.Count == 0 && result.StoreFailure is null, string.Join("\n", result.Errors) + result.StoreFailure);
    }

    /// <summary>Stores Freight from Warehouse <c>w</c> as the Warehouse reconciler would, discovered <paramref name="minutesAfterT0"/> after T0.</summary>
    public async Task PutFreightAsync(string name, int minutesAfterT0 = 0, string alias = "")
    {
        var freight = new Freight
        {
            Metadata = new ObjectMeta { Name = name, Namespace = "p", Labels = alias.Length == 0 ? [] : new() { [KargoApi.AliasLabel] = alias } },
            Alias = alias.Length == 0 ? null : alias,
            Origin = new Barge.Resources.Model.FreightOrigin { Kind = "Warehouse", Name = "w" },
            Commits = [new GitCommit { RepoURL = "https://git.example.com/app.git", Id = name.PadRight(40, '0') }],
            DiscoveredAt = T0.AddMinutes(minutesAfterT0),
        };
        var manifest = ResourceSerializer.ToJsonNode((Resource)freight);
        await Store.CreateAsync(new NewResource(new ResourceKey("Freight", "p", name), KargoApi.Version, ManifestEnvelope.SpecOf("Freight", manifest))
        {
            Labels = freight.Metadata.Labels!,
        });
    }

    public Task<long> RunUntilIdleAsync() => Runtime.RunUntilIdleAsync(TimeSpan.Zero, CancellationToken.None);

    public async Task<Stage> StageAsync(string name) =>
        StoredResources.ToTyped<Stage>((await Store.GetAsync(new ResourceKey("Stage", "p", name)))!);

    public async Task<Freight> FreightAsync(string name) =>
        StoredResources.ToTyped<Freight>((await Store.GetAsync(new ResourceKey("Freight", "p", name)))!);

    public async Task<List<Barge.Resources.Model.Promotion>> PromotionsAsync(string stage) =>
        [.. (await Store.ListAsync(ResourceQuery.OfKind("Promotion", "p"))).Items
            .Select(StoredResources.ToTyped<Barge.Resources.Model.Promotion>)
            .Where(p => p.Spec?.Stage == stage)
            .OrderBy(p => p.Name, StringComparer.Ordinal)];

    /// <summary>The audit trail, oldest first.</summary>
    public async Task<List<AuditRecord>> AuditAsync()
    {
        var page = await Store.QueryEventsAsync(new EventQuery { Limit = 1000 });
        // The log answers newest first; the tests read it in the order it happened.
        return [.. page.Items.Reverse().Select(AuditRecord.FromEvent).OfType<AuditRecord>()];
    }

    public Task<PromotionCreation> PromoteAsync(string stage, string freight, string actor = "subject:alice") =>
        new PromotionFactory(Store, Time, RandomNumberGenerator.Create()).CreateAsync(new PromotionRequest("p", stage) { Freight = freight, Actor = actor });

    public static string StatusJson(object? status) => JsonSerializer.Serialize(ResourceSerializer.ToJsonNode(status!));

    public async ValueTask DisposeAsync()
    {
        Runtime.Dispose();
        await Store.DisposeAsync();
        _cipher.Dispose();
        foreach (var extra in _extra)
        {
            extra.Dispose();
        }
        _temp.Dispose();
    }
}
