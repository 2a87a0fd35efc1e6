using System.Security.Cryptography;
using System.Text.Json;
using Barge.Engine.Manifests;
using Barge.Engine.Promotion;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;
using Barge.Storage.Sqlite;
using Barge.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Barge.Engine.Tests.Promotion;

/// <summary>A real SQLite store in a temp directory, a fake clock, and helpers to put typed resources and run Promotions.</summary>
internal sealed class EngineFixture : IAsyncDisposable
{
    private readonly TempDirectory _temp = new("barge-engine");

    private EngineFixture(SqliteResourceStore store, FakeTimeProvider time)
    {
        Store = store;
        Time = time;
    }

    public IResourceStore Store { get; }

    public FakeTimeProvider Time { get; }

    public string WorkRoot => _temp.Combine("work");

    public static async Task<EngineFixture> CreateAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var temp = new TempDirectory("barge-engine-db");
        var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(temp.Path, "barge.db")), time);
        var fixture = new EngineFixture(store, time);
        fixture._extra.Add(temp);
        return fixture;
    }

    private readonly List<IDisposable> _extra = [];

    public async Task PutAsync(Resource resource, object? status = null)
    {
        var manifest = ResourceSerializer.ToJsonNode(resource);
        manifest.Remove("status");
        var kind = resource.Kind;
        var stored = new NewResource(new ResourceKey(kind, resource.Project, resource.Name), resource.ApiVersion, ManifestEnvelope.SpecOf(kind, manifest))
        {
            Labels = resource.Metadata.Labels ?? [],
            Annotations = resource.Metadata.Annotations ?? [],
        };
        if (status is not null)
        {
            stored = stored with { Status = JsonSerializer.SerializeToElement(ResourceSerializer.ToJsonNode(status)) };
        }
        await Store.CreateAsync(stored);
    }

    public PromotionEngine Engine(PromotionStepRegistry? registry = null) =>
        new(Store, new PromotionEngineOptions(WorkRoot), Time, registry ?? Registry());

    public PromotionFactory Factory() => new(Store, Time, RandomNumberGenerator.Create());

    /// <summary>The built-in steps plus the scripted test step.</summary>
    public static PromotionStepRegistry Registry(ScriptedStep? scripted = null) =>
        new PromotionStepRegistryBuilder().AddBuiltinSteps().Add(scripted ?? new ScriptedStep()).Build();

    public async Task<Barge.Resources.Model.Promotion> GetPromotionAsync(string name, string project = "p")
    {
        var stored = await Store.GetAsync(new ResourceKey("Promotion", project, name));
        return StoredResources.ToTyped<Barge.Resources.Model.Promotion>(stored!);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        foreach (var extra in _extra)
        {
            extra.Dispose();
        }
        _temp.Dispose();
    }
}
