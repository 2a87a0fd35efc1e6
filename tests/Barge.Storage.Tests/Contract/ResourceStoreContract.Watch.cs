using Barge.Storage.Selection;
using Barge.Storage.Watching;
using Xunit;

namespace Barge.Storage.Tests.Contract;

public abstract partial class ResourceStoreContract
{
    private static Task<List<ResourceChange>> CollectAsync(
        IResourceStore store, long fromVersion, long untilVersion, ResourceQuery? filter = null, int timeoutSeconds = 60) =>
        WatchCollector.CollectAsync(store, fromVersion, untilVersion, filter, timeoutSeconds);

    private static void AssertContiguous(IReadOnlyList<ResourceChange> changes, long from, long until) =>
        WatchCollector.AssertContiguous(changes, from, until);

    [Fact]
    public async Task Watch_FromZero_ReplaysEveryWriteInOrder()
    {
        var created = await Store.CreateAsync(NewStage("dev"));
        var updated = await Store.UpdateAsync(ResourceUpdate.From(created, Json("""{"shard":"b"}""")));
        await Store.UpdateStatusAsync(created.Key, updated.ResourceVersion, Json("""{"phase":"Ready"}"""));
        await Store.DeleteAsync(created.Key);

        var changes = await CollectAsync(Store, 0, 4);

        Assert.Equal([ChangeType.Added, ChangeType.Modified, ChangeType.Modified, ChangeType.Deleted], changes.Select(c => c.Type));
        Assert.Equal("b", changes[1].Object.Spec.GetProperty("shard").GetString());
        Assert.Equal(2, changes[1].Object.Generation);
        Assert.Equal("Ready", changes[3].Object.Status!.Value.GetProperty("phase").GetString());
        Assert.Equal(4, changes[3].Object.ResourceVersion);
        AssertContiguous(changes, 0, 4);
    }

    [Fact]
    public async Task Watch_FromEveryVersionWhileWritesContinue_NoGapNoDuplicate()
    {
        const int Writes = 300;
        for (var i = 0; i < 20; i++)
        {
            await Store.CreateAsync(NewStage("pre" + i));
        }

        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < Writes; i++)
            {
                var created = await Store.CreateAsync(NewStage("live" + i));
                if (i % 3 == 0)
                {
                    await Store.UpdateStatusAsync(created.Key, created.ResourceVersion, Json("""{"phase":"Ready"}"""));
                }
            }
        });
        var final = 20 + Writes + (Writes / 3);
        var watchers = new[] { 0L, 7, 20, 150 }.Select(from => (from, task: Task.Run(() => CollectAsync(Store, from, final)))).ToList();
        await writer;

        foreach (var (from, task) in watchers)
        {
            AssertContiguous(await task, from, final);
        }
    }

    [Fact]
    public async Task Watch_Waiting_SeesLaterWriteAtOnce()
    {
        await Store.CreateAsync(NewStage("first"));
        var watching = CollectAsync(Store, 1, 2, timeoutSeconds: 10);
        await Task.Delay(50);

        await Store.CreateAsync(NewStage("second"));

        Assert.Equal("second", Assert.Single(await watching).Object.Key.Name);
    }

    [Fact]
    public async Task Watch_WithFilter_DeliversOnlyMatchingInOrder()
    {
        await Store.CreateAsync(NewStage("web", labels: Labels("tier=web")));
        await Store.CreateAsync(NewStage("api", labels: Labels("tier=api")));
        await Store.CreateAsync(NewStage("elsewhere", project: "other", labels: Labels("tier=web")));
        await Store.CreateAsync(new NewResource(new ResourceKey("Warehouse", "grommet", "w"), "v1", Json("{}")) { Labels = Labels("tier=web") });
        await Store.CreateAsync(NewStage("web2", """{"shard":"z"}""", labels: Labels("tier=web")));
        var filter = ResourceQuery.OfKind("Stage", "grommet") with { Labels = LabelSelector.Parse("tier=web") };

        var changes = await CollectAsync(Store, 0, 5, filter);

        Assert.Equal(["web", "web2"], changes.Select(c => c.Object.Key.Name));
    }

    [Fact]
    public async Task Watch_Cancelled_Ends()
    {
        using var cancel = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            await foreach (var _ in Store.WatchAsync(0, null, cancel.Token))
            {
            }
        });
        await Task.Delay(50);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watch);
    }

    [Fact]
    public async Task CompactChanges_ThenWatchFromTheHorizon_DeliversTheRest()
    {
        for (var i = 0; i < 10; i++)
        {
            await Store.CreateAsync(NewStage("s" + i));
        }

        var dropped = await Store.CompactChangesAsync(6);
        var changes = await CollectAsync(Store, 6, 10);

        Assert.Equal(6, dropped);
        AssertContiguous(changes, 6, 10);
    }

    [Fact]
    public async Task CompactChanges_WatchFromBeforeTheHorizon_FailsInsteadOfSkipping()
    {
        for (var i = 0; i < 10; i++)
        {
            await Store.CreateAsync(NewStage("s" + i));
        }
        await Store.CompactChangesAsync(6);

        var error = await Assert.ThrowsAsync<ChangesCompactedException>(() => CollectAsync(Store, 3, 10));

        Assert.Equal(6, error.CompactedThrough);
        Assert.Contains("list again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompactChanges_BeyondTheLastWrite_StopsAtTheLastWrite()
    {
        await Store.CreateAsync(NewStage("a"));
        await Store.CreateAsync(NewStage("b"));

        var dropped = await Store.CompactChangesAsync(1_000);
        var watching = CollectAsync(Store, 2, 3, timeoutSeconds: 10);
        await Store.CreateAsync(NewStage("c"));

        Assert.Equal(2, dropped);
        Assert.Equal("c", Assert.Single(await watching).Object.Key.Name);
    }
}
