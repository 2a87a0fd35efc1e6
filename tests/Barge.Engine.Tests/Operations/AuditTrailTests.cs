using Xunit;
using Barge.Engine.Audit;
using Barge.Engine.Operations;
using Barge.Storage;
using Barge.Storage.Events;

namespace Barge.Engine.Tests.Operations;

public sealed class AuditTrailTests
{
    private static async Task<OperationsWorld> WorldAsync()
    {
        var world = await OperationsWorld.CreateAsync();
        var key = new ResourceKey("Stage", OperationsWorld.Project, "dev");
        for (var i = 0; i < 30; i++)
        {
            var stage = i % 3 == 0 ? "prod" : "dev";
            var record = new AuditRecord(AuditTypes.PromotionCreated, i % 2 == 0 ? "admin" : PipelineActor, $"promotion {i}")
            {
                Stage = stage,
                Freight = $"f{i}",
                Origin = i % 5 == 0 ? "grommet-release" : "grommet-dev",
            };
            await world.Store.AppendEventAsync(record.ToEventEntry(key));
            world.Fixture.Time.Advance(TimeSpan.FromMinutes(1));
        }
        await world.Store.AppendEventAsync(new EventEntry(key, "SomethingElse", "not an audit entry"));
        return world;
    }

    private const string PipelineActor = "controller:stage-controller";

    [Fact]
    public async Task QueryAsync_NoFilter_NewestFirstAuditEntriesOnly()
    {
        await using var world = await WorldAsync();

        var page = await new AuditTrail(world.Store).QueryAsync(new AuditQuery { Project = OperationsWorld.Project }, CancellationToken.None);

        Assert.Equal(30, page.Items.Count);
        Assert.Equal("promotion 29", page.Items[0].Record.Message);
        Assert.Null(page.NextBefore);
    }

    [Theory]
    [InlineData("stage", "prod", null, null, 10)]
    [InlineData("origin", null, "grommet-release", null, 6)]
    [InlineData("actor", null, null, "admin", 15)]
    [InlineData("stage and origin", "prod", "grommet-release", null, 2)]
    public async Task QueryAsync_Filter_ReturnsOnlyMatches(string scenario, string? stage, string? origin, string? actor, int expected)
    {
        await using var world = await WorldAsync();

        var page = await new AuditTrail(world.Store).QueryAsync(new AuditQuery { Stage = stage, Origin = origin, Actor = actor }, CancellationToken.None);

        Assert.True(expected == page.Items.Count, $"{scenario}: {page.Items.Count}");
        Assert.All(page.Items, e => Assert.True((stage is null || e.Record.Stage == stage) && (origin is null || e.Record.Origin == origin) && (actor is null || e.Record.Actor == actor)));
    }

    [Fact]
    public async Task QueryAsync_Cursor_PagesThroughFilteredEntriesWithoutGapOrRepeat()
    {
        await using var world = await WorldAsync();
        var trail = new AuditTrail(world.Store);
        var seen = new List<string>();
        long? cursor = null;
        do
        {
            var page = await trail.QueryAsync(new AuditQuery { Stage = "dev", Limit = 7, Before = cursor }, CancellationToken.None);
            seen.AddRange(page.Items.Select(e => e.Record.Freight!));
            cursor = page.NextBefore;
        }
        while (cursor is not null);

        var expected = Enumerable.Range(0, 30).Where(i => i % 3 != 0).Reverse().Select(i => $"f{i}");
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task QueryAsync_SinceAndUntil_KeepsTheWindow()
    {
        await using var world = await WorldAsync();
        var start = world.Fixture.Time.GetUtcNow().AddMinutes(-31);

        var page = await new AuditTrail(world.Store).QueryAsync(
            new AuditQuery { Since = start.AddMinutes(10), Until = start.AddMinutes(20) }, CancellationToken.None);

        Assert.Equal(10, page.Items.Count);
    }

    [Theory]
    [InlineData("zero limit", 0, null)]
    [InlineData("huge limit", 5000, null)]
    [InlineData("unknown type", 10, "Bogus")]
    public async Task QueryAsync_BadQuery_Throws(string scenario, int limit, string? type)
    {
        await using var world = await WorldAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new AuditTrail(world.Store).QueryAsync(new AuditQuery { Limit = limit, Type = type }, CancellationToken.None));

        Assert.False(string.IsNullOrEmpty(error.Message), scenario);
    }
}
