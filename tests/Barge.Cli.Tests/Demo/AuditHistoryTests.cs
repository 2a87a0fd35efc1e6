using System.Text.Json;
using Barge.Cli.Demo;
using Barge.Engine.Audit;
using Barge.Storage;
using Barge.Storage.Events;
using Barge.Storage.Sqlite;
using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Demo;

public sealed class AuditHistoryTests : IDisposable
{
    private readonly TempDirectory _folder = new("demo-audit");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_PromotionFinishedEntries_OldestFirstWithOriginActorAndPushedCommit()
    {
        await using var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(_folder.Combine("barge.db")));
        var promotion = new ResourceKey("Promotion", "grommet", "p1");
        await store.AppendEventAsync(new AuditRecord(AuditTypes.PromotionFinished, "controller:stage-controller", "done")
        {
            Stage = "dev", Freight = "f1", FreightAlias = "calm-owl", Origin = "grommet-dev", Phase = "Succeeded",
            Commits = ["file:///tmp/config.git@0123456789abcdef"],
        }.ToEventEntry(promotion));
        // A Warehouse's FreightCreated event carries the Freight manifest, not an audit record's data: it is not read.
        await store.AppendEventAsync(new EventEntry(new ResourceKey("Freight", "grommet", "f2"), AuditTypes.FreightCreated, "created")
        {
            Data = JsonSerializer.SerializeToElement(new { origin = new { kind = "Warehouse", name = "grommet-release" } }),
        });
        await store.AppendEventAsync(new AuditRecord(AuditTypes.PromotionFinished, "subject:ada", "failed")
        {
            Stage = "prod", Freight = "f2", FreightAlias = "bold-elk", Origin = "grommet-release", Phase = "Failed",
        }.ToEventEntry(promotion));
        await store.AppendEventAsync(new AuditRecord(AuditTypes.PromotionFinished, "admin", "elsewhere") { Stage = "dev" }
            .ToEventEntry(new ResourceKey("Promotion", "other", "p9")));

        var rows = await AuditHistory.ReadAsync(store, "grommet", CancellationToken.None);

        Assert.Equal(
            [
                new DemoHistoryRow("dev", "f1", "calm-owl", "grommet-dev", "controller:stage-controller", "Succeeded", "0123456789abcdef"),
                new DemoHistoryRow("prod", "f2", "bold-elk", "grommet-release", "subject:ada", "Failed", null),
            ],
            rows);
    }
}
