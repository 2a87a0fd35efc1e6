using Barge.Server.Ui.Graph;
using Barge.Storage;
using Barge.Storage.Sqlite;
using Barge.Testing;
using Barge.Testing.Fixtures;

namespace Barge.Server.Tests.Ui.Graph;

public sealed class LargeProjectFixtureTests
{
    [Fact]
    public async Task WriteAsync_DefaultOptions_StoresTheScaleTarget()
    {
        using var home = new TempDirectory("barge-large");
        await using var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(home.Combine("barge.db")), TimeProvider.System);

        await LargeProjectFixture.WriteAsync(store);

        Assert.Single((await store.ListAsync(ResourceQuery.OfKind("Project"))).Items);
        Assert.Equal(100, (await store.ListAsync(ResourceQuery.OfKind("Warehouse", "large"))).Items.Count);
        Assert.Equal(1000, (await store.ListAsync(ResourceQuery.OfKind("Stage", "large"))).Items.Count);
        var freight = (await store.ListAsync(ResourceQuery.OfKind("Freight", "large"))).Items;
        Assert.Equal(10_000, freight.Count);
        Assert.All(freight.Take(50), f => Assert.Equal("Warehouse", f.Spec.GetProperty("origin").GetProperty("kind").GetString()));
        Assert.Contains(freight, f => f.Status is { } s && s.TryGetProperty("currentlyIn", out _));
    }

    [Fact]
    public void Generate_Default_StagesHoldCurrentFreightPerOriginThatAgreesWithFreightMarks()
    {
        var project = LargeProjectFixture.Generate();

        var freight = project.Freight.ToDictionary(f => f.Name, StringComparer.Ordinal);
        Assert.Equal(10_000, freight.Count);
        Assert.Equal(100, project.Stages.Count(s => s.Spec!.RequestedFreight!.Count == 2)); // dev and qa of 50 applications
        foreach (var stage in project.Stages)
        {
            var current = stage.Status!.FreightHistory![0].Items!;
            Assert.Equal(stage.Spec!.RequestedFreight!.Count, current.Count);
            foreach (var (origin, reference) in current)
            {
                var item = freight[reference.Name!];
                Assert.Equal(origin, item.Origin!.ToString());
                Assert.True(item.Status!.CurrentlyIn!.ContainsKey(stage.Name), $"{reference.Name} not marked current in {stage.Name}");
            }
        }
        Assert.Contains(project.Freight, f => f.Status?.ApprovedFor is { Count: > 0 });
        Assert.Contains(project.Freight, f => f.Status?.VerifiedIn is { Count: > 1 });
        Assert.Contains(project.Stages, s => s.Status!.Health!.Status == "Unhealthy");
    }

    [Fact]
    public void Generate_SameSeed_SameProject_OtherSeed_Differs()
    {
        var small = new LargeProjectOptions { Applications = 3, Stages = 20, Freight = 60 };

        var a = LargeProjectFixture.Generate(small);
        var b = LargeProjectFixture.Generate(small);
        var c = LargeProjectFixture.Generate(small with { Seed = 2 });

        Assert.Equal(a.Freight.Select(f => f.Name), b.Freight.Select(f => f.Name));
        Assert.Equal(a.Stages.Select(s => s.Name), b.Stages.Select(s => s.Name));
        Assert.NotEqual(a.Freight.Select(f => f.Name), c.Freight.Select(f => f.Name));
    }

    [Fact]
    public void Generate_TooFewStages_RefusedNamingTheLimit()
    {
        var error = Assert.Throws<ArgumentException>(() => LargeProjectFixture.Generate(new LargeProjectOptions { Applications = 10, Stages = 12 }));

        Assert.Contains("Stages must be at least 4 per application (40)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GraphLayout_LargeProject_CollapsesCrowdedLayersWithoutOverlapAndKeepsEveryStage()
    {
        var project = LargeProjectFixture.Generate();
        var graph = PipelineGraphs.FromResources(project.Warehouses, project.Stages, _ => [], w => "/w/" + w, s => "/s/" + s);

        var layout = GraphLayout.Compute(graph);

        Assert.Equal(1000, layout.StageCount);
        var stagesShown = layout.Nodes.Sum(n => n.IsGroup ? n.MemberIds.Count : n.Node.Kind == GraphNodeKind.Stage ? 1 : 0);
        Assert.Equal(1000, stagesShown);
        Assert.True(layout.Nodes.Count < 400, $"{layout.Nodes.Count} visible nodes");
        Assert.Contains(layout.Nodes, n => n.IsGroup);
        Assert.True(layout.Compact);
        Assert.Empty(layout.Notes);
        var byColumn = layout.Nodes.GroupBy(n => n.Layer);
        foreach (var column in byColumn)
        {
            var ordered = column.OrderBy(n => n.Y).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i].Y >= ordered[i - 1].Y + ordered[i - 1].Height, $"overlap in column {column.Key}");
            }
        }
    }
}
