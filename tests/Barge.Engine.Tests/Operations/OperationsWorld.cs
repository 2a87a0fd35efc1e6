using Barge.Engine.Audit;
using Barge.Engine.Promotion;
using Barge.Engine.Tests.Promotion;
using Barge.Resources.Model;
using Barge.Storage;
using Barge.Storage.Events;

namespace Barge.Engine.Tests.Operations;

/// <summary>A real SQLite store with the resources an operation reads, and typed reads of what it wrote.</summary>
internal sealed class OperationsWorld : IAsyncDisposable
{
    public const string Project = "grommet";

    private OperationsWorld(EngineFixture fixture) => Fixture = fixture;

    public EngineFixture Fixture { get; }

    public IResourceStore Store => Fixture.Store;

    public static async Task<OperationsWorld> CreateAsync() => new(await EngineFixture.CreateAsync());

    public Task PutStageAsync(Stage stage) => Fixture.PutAsync(stage, stage.Status);

    public Task PutFreightAsync(Freight freight)
    {
        var labels = new Dictionary<string, string>(freight.Metadata.Labels ?? []);
        if (freight.Alias is { } alias)
        {
            labels[KargoApi.AliasLabel] = alias;
        }
        return Fixture.PutAsync(freight with { Metadata = freight.Metadata with { Labels = labels } }, freight.Status);
    }

    public async Task<Freight> FreightAsync(string name) =>
        StoredResources.ToTyped<Freight>((await Store.GetAsync(new ResourceKey("Freight", Project, name)))!);

    public async Task<StoredResource> StoredStageAsync(string name) => (await Store.GetAsync(new ResourceKey("Stage", Project, name)))!;

    public async Task<IReadOnlyList<AuditRecord>> AuditAsync()
    {
        var page = await Store.QueryEventsAsync(new EventQuery { Project = Project, Limit = 1000 });
        return [.. page.Items.Select(AuditRecord.FromEvent).OfType<AuditRecord>()];
    }

    public ValueTask DisposeAsync() => Fixture.DisposeAsync();
}
