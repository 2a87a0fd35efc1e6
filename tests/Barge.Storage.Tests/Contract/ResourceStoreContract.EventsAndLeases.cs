using Barge.Storage.Events;
using Xunit;

namespace Barge.Storage.Tests.Contract;

public abstract partial class ResourceStoreContract
{
    [Fact]
    public async Task ApplyWithEvents_StatusAndEntry_AreStoredTogether()
    {
        var stage = await Store.CreateAsync(NewStage("dev"));

        await Store.ApplyAsync(
            [new StoreOperation.UpdateStatus(stage.Key, stage.ResourceVersion, Json("""{"phase":"Promoted"}"""))],
            [new EventEntry(stage.Key, "PromotionSucceeded", "promoted to dev") { Actor = "admin" }]);

        Assert.Equal("Promoted", (await Store.GetAsync(stage.Key))!.Status!.Value.GetProperty("phase").GetString());
        var recorded = Assert.Single((await Store.QueryEventsAsync(new EventQuery())).Items);
        Assert.Equal("PromotionSucceeded", recorded.Entry.Type);
        Assert.Equal("admin", recorded.Entry.Actor);
    }

    [Fact]
    public async Task ApplyWithEvents_FailingCas_StoresNeitherStatusNorEntry()
    {
        var stage = await Store.CreateAsync(NewStage("dev"));
        await Store.UpdateStatusAsync(stage.Key, stage.ResourceVersion, Json("""{"phase":"Ready"}"""));

        await Assert.ThrowsAsync<ResourceConflictException>(() => Store.ApplyAsync(
            [new StoreOperation.UpdateStatus(stage.Key, stage.ResourceVersion, Json("""{"phase":"Promoted"}"""))],
            [new EventEntry(stage.Key, "PromotionSucceeded", "promoted to dev")]));

        Assert.Equal("Ready", (await Store.GetAsync(stage.Key))!.Status!.Value.GetProperty("phase").GetString());
        Assert.Empty((await Store.QueryEventsAsync(new EventQuery())).Items);
    }

    [Fact]
    public async Task AppendEvent_Entry_IsStampedAndReadBack()
    {
        var recorded = await Store.AppendEventAsync(new EventEntry(new ResourceKey("Promotion", "grommet", "p1"), "PromotionSucceeded", "promoted to dev")
        {
            Actor = "alice",
            Data = Json("""{"freight":"abc","origin":"grommet"}"""),
        });

        var page = await Store.QueryEventsAsync(new EventQuery());

        var read = Assert.Single(page.Items);
        Assert.Equal(recorded.Id, read.Id);
        Assert.Equal(Start, read.Timestamp);
        Assert.Equal("alice", read.Entry.Actor);
        Assert.Equal("abc", read.Entry.Data!.Value.GetProperty("freight").GetString());
        Assert.Null(page.NextBefore);
        Assert.Equal(0, await Store.GetResourceVersionAsync());
    }

    [Theory]
    [InlineData("by project", "other", null, null, null, "o1")]
    [InlineData("by kind", null, "Stage", null, null, "s2,s1")]
    [InlineData("by name, any project", null, null, "p1", null, "o1,p1b,p1a")]
    [InlineData("by type", null, null, null, "PromotionFailed", "p1b")]
    [InlineData("by project and kind", "grommet", "Promotion", null, null, "p2,p1b,p1a")]
    public async Task QueryEvents_Filters_NewestFirst(string because, string? project, string? kind, string? name, string? type, string expected)
    {
        _ = because;
        await SeedEventsAsync();

        var page = await Store.QueryEventsAsync(new EventQuery { Project = project, Kind = kind, Name = name, Type = type });

        Assert.Equal(expected, string.Join(',', page.Items.Select(e => e.Entry.Message)));
    }

    [Fact]
    public async Task QueryEvents_TimeRange_IsHalfOpen()
    {
        await SeedEventsAsync();

        var page = await Store.QueryEventsAsync(new EventQuery { Since = Start.AddMinutes(1), Until = Start.AddMinutes(3) });

        Assert.Equal("s1,p1b", string.Join(',', page.Items.Select(e => e.Entry.Message)));
    }

    [Fact]
    public async Task QueryEvents_Paged_VisitsEveryEventOnce()
    {
        await SeedEventsAsync();
        var seen = new List<string>();
        long? before = null;
        var pages = 0;

        do
        {
            var page = await Store.QueryEventsAsync(new EventQuery { Limit = 2, Before = before });
            seen.AddRange(page.Items.Select(e => e.Entry.Message));
            before = page.NextBefore;
            pages++;
        }
        while (before is not null);

        Assert.Equal(["o1", "s2", "p2", "s1", "p1b", "p1a"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task QueryEvents_LimitOutOfRange_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.QueryEventsAsync(new EventQuery { Limit = 0 }));
    }

    private async Task SeedEventsAsync()
    {
        async Task Add(string kind, string project, string name, string type, string message)
        {
            await Store.AppendEventAsync(new EventEntry(new ResourceKey(kind, project, name), type, message));
            Clock.Advance(TimeSpan.FromMinutes(1));
        }
        await Add("Promotion", "grommet", "p1", "PromotionCreated", "p1a");
        await Add("Promotion", "grommet", "p1", "PromotionFailed", "p1b");
        await Add("Stage", "grommet", "dev", "FreightVerified", "s1");
        await Add("Promotion", "grommet", "p2", "PromotionCreated", "p2");
        await Add("Stage", "grommet", "prod", "FreightVerified", "s2");
        await Add("Promotion", "other", "p1", "PromotionCreated", "o1");
    }

    [Fact]
    public async Task TryAcquireLease_Free_IsTaken()
    {
        var lease = await Store.TryAcquireLeaseAsync("stage/grommet/dev", "replica-a", TimeSpan.FromSeconds(30));

        Assert.NotNull(lease);
        Assert.Equal("replica-a", lease.Holder);
        Assert.Equal(1, lease.Term);
        Assert.Equal(Start.AddSeconds(30), lease.ExpiresAt);
    }

    [Fact]
    public async Task TryAcquireLease_HeldByAnother_ReturnsNullUntilExpiry()
    {
        await Store.TryAcquireLeaseAsync("l", "a", TimeSpan.FromSeconds(30));

        var refused = await Store.TryAcquireLeaseAsync("l", "b", TimeSpan.FromSeconds(30));
        Clock.Advance(TimeSpan.FromSeconds(31));
        var taken = await Store.TryAcquireLeaseAsync("l", "b", TimeSpan.FromSeconds(30));

        Assert.Null(refused);
        Assert.Equal("b", taken!.Holder);
        Assert.Equal(2, taken.Term);
        Assert.Null(await Store.RenewLeaseAsync("l", "a", TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task RenewLease_ByHolder_ExtendsAndKeepsTerm()
    {
        await Store.TryAcquireLeaseAsync("l", "a", TimeSpan.FromSeconds(30));
        Clock.Advance(TimeSpan.FromSeconds(20));

        var renewed = await Store.RenewLeaseAsync("l", "a", TimeSpan.FromSeconds(30));
        Clock.Advance(TimeSpan.FromSeconds(20));
        var refused = await Store.TryAcquireLeaseAsync("l", "b", TimeSpan.FromSeconds(30));

        Assert.Equal(Start.AddSeconds(50), renewed!.ExpiresAt);
        Assert.Equal(1, renewed.Term);
        Assert.Null(refused);
    }

    [Fact]
    public async Task RenewLease_AfterExpiry_ReturnsNull()
    {
        await Store.TryAcquireLeaseAsync("l", "a", TimeSpan.FromSeconds(30));
        Clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Null(await Store.RenewLeaseAsync("l", "a", TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task ReleaseLease_ByHolder_FreesItForOthers()
    {
        await Store.TryAcquireLeaseAsync("l", "a", TimeSpan.FromSeconds(30));

        var byOther = await Store.ReleaseLeaseAsync("l", "b");
        var byHolder = await Store.ReleaseLeaseAsync("l", "a");
        var next = await Store.TryAcquireLeaseAsync("l", "b", TimeSpan.FromSeconds(30));

        Assert.False(byOther);
        Assert.True(byHolder);
        Assert.Equal("b", next!.Holder);
        Assert.Equal(2, next.Term);
    }

    [Fact]
    public async Task ListLeases_ByPrefix_ReturnsMatchingInNameOrderWithHolders()
    {
        await Store.TryAcquireLeaseAsync("stage/p/b", "a", TimeSpan.FromSeconds(30));
        await Store.TryAcquireLeaseAsync("stage/p/a", "b", TimeSpan.FromSeconds(30));
        await Store.TryAcquireLeaseAsync("warehouse/p/a", "a", TimeSpan.FromSeconds(30));
        await Store.ReleaseLeaseAsync("stage/p/b", "a");

        var leases = await Store.ListLeasesAsync("stage/");

        Assert.Equal(["stage/p/a", "stage/p/b"], leases.Select(l => l.Name));
        Assert.Equal("b", leases[0].Holder);
        Assert.True(leases[1].ExpiresAt <= leases[0].AcquiredAt + TimeSpan.FromSeconds(1), "a released lease is listed as expired");
        Assert.Empty(await Store.ListLeasesAsync("stage_"));
    }
}
