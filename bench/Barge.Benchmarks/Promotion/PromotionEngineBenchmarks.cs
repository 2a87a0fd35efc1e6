using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Barge.Engine.Manifests;
using Barge.Engine.Promotion;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;
using Barge.Storage.Sqlite;
using FreightOrigin = Barge.Resources.Model.FreightOrigin;

namespace Barge.Benchmarks.Promotion;

/// <summary>
/// Per-step engine overhead: a Promotion of 20 compose-output steps (each with two vars and a config
/// reading ctx, vars, outputs and commitFrom) created and run on a SQLite store; every step's
/// evaluation, metadata and state are written to the store. The figure is per step (the step itself
/// does nothing but copy its config).
/// </summary>
[MemoryDiagnoser]
public class PromotionEngineBenchmarks
{
    private const int Steps = 20;
    private string _directory = "";
    private SqliteResourceStore? _store;
    private PromotionEngine? _engine;
    private PromotionFactory? _factory;
    private RandomNumberGenerator? _random;

    /// <summary>SQLite <c>synchronous=FULL</c> (an fsync per status write, the default) or NORMAL.</summary>
    [Params(true, false)]
    public bool SyncEveryCommit { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "barge-bench-promotion-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(_directory, "barge.db")) { SyncEveryCommit = SyncEveryCommit });
        var steps = Enumerable.Range(0, Steps).Select(i => new PromotionStep
        {
            Uses = "compose-output",
            As = "s" + i,
            Vars = [new ExpressionVariable { Name = "n", Value = "${{ " + i + " + 1 }}" }, new ExpressionVariable { Name = "tag", Value = "${{ ctx.targetFreight.images[0].Tag }}" }],
            Config = JsonNode.Parse("""{"commit":"${{ commitFrom('https://git.example.com/app.git').ID }}","n":"${{ vars.n }}","tag":"v-${{ vars.tag }}","prev":"${{ outputs['s0'] }}"}"""),
        }).ToList();
        await PutAsync(new Stage
        {
            Metadata = new ObjectMeta { Name = "dev", Namespace = "p" },
            Spec = new StageSpec
            {
                RequestedFreight = [new FreightRequest { Origin = new FreightOrigin { Kind = "Warehouse", Name = "w" }, Sources = new FreightSources { Direct = true } }],
                PromotionTemplate = new PromotionTemplate { Spec = new PromotionTemplateSpec { Steps = steps } },
            },
        });
        await PutAsync(new Warehouse
        {
            Metadata = new ObjectMeta { Name = "w", Namespace = "p" },
            Spec = new WarehouseSpec { Subscriptions = [new RepoSubscription { Git = new GitSubscription { RepoURL = "https://git.example.com/app.git" } }] },
        });
        await PutAsync(new Freight
        {
            Metadata = new ObjectMeta { Name = new string('f', 40), Namespace = "p" },
            Origin = new FreightOrigin { Kind = "Warehouse", Name = "w" },
            Commits = [new GitCommit { RepoURL = "https://git.example.com/app.git", Id = new string('a', 40) }],
            Images = [new Image { RepoURL = "registry.example.com/app", Tag = "1.0.0" }],
        });
        _engine = new PromotionEngine(_store, new PromotionEngineOptions(Path.Combine(_directory, "work")), TimeProvider.System);
        _random = RandomNumberGenerator.Create();
        _factory = new PromotionFactory(_store, TimeProvider.System, _random);
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _store!.DisposeAsync();
        _random!.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Steps, Description = "per step: evaluate vars/if/config, run, persist status")]
    public async Task<PromotionPhase> RunPromotion()
    {
        var created = await _factory!.CreateAsync(new PromotionRequest("p", "dev") { Freight = new string('f', 40) });
        var outcome = await _engine!.RunOnceAsync("p", created.Promotion!.Name);
        return outcome.Phase == PromotionPhase.Succeeded ? outcome.Phase : throw new InvalidOperationException(outcome.Message);
    }

    private async Task PutAsync(Resource resource)
    {
        var manifest = ResourceSerializer.ToJsonNode(resource);
        await _store!.CreateAsync(new NewResource(new ResourceKey(resource.Kind, resource.Project, resource.Name), resource.ApiVersion, ManifestEnvelope.SpecOf(resource.Kind, manifest)));
    }
}
