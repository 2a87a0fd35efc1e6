using Barge.Server.Ui.Graph;

namespace Barge.Server.Tests.Ui.Graph;

public sealed class GraphLayoutTests
{
    private static LaidOutNode Node(LaidOutGraph layout, string id) => layout.Nodes.Single(n => n.Node.Id == id);

    [Fact]
    public void Compute_ChainAndJoin_StagesOneLayerRightOfDeepestUpstream()
    {
        var graph = new GraphBuilder().Warehouse("w").Stage("dev", "w").Stage("qa", "dev").Stage("prod", "qa", "dev").Stage("hotfix", "w").Build();

        var layout = GraphLayout.Compute(graph);

        Assert.Equal(0, Node(layout, "warehouse/w").Layer);
        Assert.Equal(1, Node(layout, "stage/dev").Layer);
        Assert.Equal(2, Node(layout, "stage/qa").Layer);
        Assert.Equal(3, Node(layout, "stage/prod").Layer);
        Assert.Equal(1, Node(layout, "stage/hotfix").Layer);
        Assert.True(Node(layout, "stage/dev").X > Node(layout, "warehouse/w").X + Node(layout, "warehouse/w").Width);
        Assert.Empty(layout.Notes);
    }

    [Fact]
    public void Compute_StageWithoutUpstream_PlacedRightOfWarehouses()
    {
        var layout = GraphLayout.Compute(new GraphBuilder().Warehouse("w").Stage("orphan").Build());

        Assert.Equal(1, Node(layout, "stage/orphan").Layer);
    }

    [Fact]
    public void Compute_CrossedEdges_OrderingUncrossesThem()
    {
        // By name, "a" sits above "b"; but a is fed by the lower Warehouse and b by the upper one.
        var graph = new GraphBuilder().Warehouse("w1").Warehouse("w2").Stage("a", "w2").Stage("b", "w1").Build();

        var layout = GraphLayout.Compute(graph);

        Assert.True(Node(layout, "warehouse/w1").Y < Node(layout, "warehouse/w2").Y);
        Assert.True(Node(layout, "stage/b").Y < Node(layout, "stage/a").Y, "b (fed by w1) should be above a (fed by w2)");
    }

    [Fact]
    public void Compute_SingleUpstream_CardLevelWithItsUpstream()
    {
        var graph = new GraphBuilder().Warehouse("w1").Warehouse("w2").Stage("s", "w2").Build();

        var layout = GraphLayout.Compute(graph);

        var (w2, stage) = (Node(layout, "warehouse/w2"), Node(layout, "stage/s"));
        Assert.Equal(w2.Y + w2.Height / 2, stage.Y + stage.Height / 2, 3);
    }

    public static TheoryData<string, int, int> Sizes => new()
    {
        { "small pipeline", 3, 12 },
        { "wide fan-out, compact", 5, 400 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Compute_AnyGraph_NoTwoCardsOverlap(string name, int warehouses, int stages)
    {
        var builder = new GraphBuilder();
        for (var w = 0; w < warehouses; w++)
        {
            builder.Warehouse("w" + w);
        }
        var random = new Random(42);
        for (var s = 0; s < stages; s++)
        {
            var upstream = s < warehouses * 2 || random.Next(3) == 0 ? "w" + random.Next(warehouses) : "s" + random.Next(s);
            builder.Stage("s" + s, upstream);
        }

        var layout = GraphLayout.Compute(builder.Build(), new GraphLayoutOptions { AutoGroupAbove = 0 });

        Assert.Equal(warehouses + stages, layout.Nodes.Count);
        foreach (var a in layout.Nodes)
        {
            Assert.True(a.X >= 0 && a.Y >= 0 && a.X + a.Width <= layout.Width && a.Y + a.Height <= layout.Height, $"{name}: {a.Node.Id} outside the drawing");
            foreach (var b in layout.Nodes)
            {
                if (!ReferenceEquals(a, b))
                {
                    var overlap = a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
                    Assert.False(overlap, $"{name}: {a.Node.Id} overlaps {b.Node.Id}");
                }
            }
        }
        Assert.Equal(stages > 120, layout.Compact);
    }

    [Fact]
    public void Compute_EdgeSkippingLayers_RoutedThroughOneBendPerLayer()
    {
        var graph = new GraphBuilder().Warehouse("w").Stage("dev", "w").Stage("qa", "dev").Stage("prod", "qa", "w").Build();

        var layout = GraphLayout.Compute(graph);

        var skip = layout.Edges.Single(e => e.From == "warehouse/w" && e.To == "stage/prod");
        Assert.Equal(2 + 2 * 2, skip.Points.Count);
        Assert.True(skip.Points.Zip(skip.Points.Skip(1)).All(p => p.First.X <= p.Second.X), "route runs left to right");
        var prod = Node(layout, "stage/prod");
        Assert.Equal(new GraphPoint(prod.X, prod.Y + prod.Height / 2), skip.Points[^1]);
    }

    [Fact]
    public void Compute_Cycle_BrokenWithNoteAndReversedEdge()
    {
        var graph = new GraphBuilder().Warehouse("w").Stage("a", "w", "b").Stage("b", "a").Build();

        var layout = GraphLayout.Compute(graph);

        var note = Assert.Single(layout.Notes);
        Assert.Contains("closes a cycle", note, StringComparison.Ordinal);
        Assert.Single(layout.Edges, e => e.Reversed);
        Assert.NotEqual(Node(layout, "stage/a").Layer, Node(layout, "stage/b").Layer);
    }

    [Fact]
    public void Compute_EdgeToUnknownNode_DroppedWithNote()
    {
        var graph = new GraphBuilder().Warehouse("w").Stage("dev", "w").Edge("stage/ghost", "stage/dev").Build();

        var layout = GraphLayout.Compute(graph);

        Assert.Contains(layout.Notes, n => n.Contains("\"stage/ghost\"", StringComparison.Ordinal));
        Assert.Single(layout.Edges);
    }

    [Fact]
    public void Compute_DuplicateNodeId_ThrowsNamingIt()
    {
        var graph = new GraphBuilder().Warehouse("w").Warehouse("w").Build();

        var error = Assert.Throws<ArgumentException>(() => GraphLayout.Compute(graph));
        Assert.Contains("\"warehouse/w\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_CrowdedLayer_CollapsesStagesWithSharedUpstreamIntoCountedGroups()
    {
        var builder = new GraphBuilder().Warehouse("w1").Warehouse("w2");
        for (var i = 0; i < 30; i++)
        {
            builder.GroupedStage("a" + i, null, i < 10 ? "unhealthy" : "healthy", "w1");
            builder.Stage("b" + i, "w2");
        }
        builder.Stage("after", "a0", "b0");

        var layout = GraphLayout.Compute(builder.Build(), new GraphLayoutOptions { AutoGroupAbove = 24 });

        var groups = layout.Nodes.Where(n => n.IsGroup).ToList();
        Assert.Equal(2, groups.Count);
        var a = groups.Single(g => g.Node.Label == "30 Stages after w1");
        Assert.Equal(30, a.MemberIds.Count);
        Assert.Equal("mixed", a.Node.StatusClass);
        Assert.Equal(["20 healthy", "10 unhealthy"], a.Node.Lines);
        Assert.Equal("?expand=" + Uri.EscapeDataString(a.GroupKey!), a.Node.Href);
        // The downstream Stage hangs off both groups; edges are merged per group.
        Assert.Equal(2, layout.Edges.Count(e => e.To == "stage/after"));
        Assert.Equal(5, layout.Nodes.Count);
    }

    [Fact]
    public void Compute_ExpandedGroupKey_LeavesThatGroupExpanded()
    {
        var builder = new GraphBuilder().Warehouse("w1").Warehouse("w2");
        for (var i = 0; i < 30; i++)
        {
            builder.Stage("a" + i, "w1");
            builder.Stage("b" + i, "w2");
        }
        var collapsed = GraphLayout.Compute(builder.Build(), new GraphLayoutOptions { AutoGroupAbove = 24 });
        var key = collapsed.Nodes.Single(n => n.Node.Label == "30 Stages after w1").GroupKey!;

        var layout = GraphLayout.Compute(builder.Build(), new GraphLayoutOptions
        {
            AutoGroupAbove = 24,
            ExpandedGroups = new HashSet<string>(StringComparer.Ordinal) { key },
        });

        Assert.Single(layout.Nodes, n => n.IsGroup);
        Assert.Contains(layout.Nodes, n => n.Node.Id == "stage/a7");
    }

    [Fact]
    public void Compute_ExplicitGroup_CollapsesPerLayerWithoutThreshold()
    {
        var graph = new GraphBuilder().Warehouse("w")
            .GroupedStage("eu-1", "regions", "healthy", "w").GroupedStage("eu-2", "regions", "healthy", "w").Stage("solo", "w").Build();

        var layout = GraphLayout.Compute(graph);

        var group = Assert.Single(layout.Nodes, n => n.IsGroup);
        Assert.Equal("regions (2 Stages)", group.Node.Label);
        Assert.Equal("healthy", group.Node.StatusClass);
        Assert.Equal(["stage/eu-1", "stage/eu-2"], group.MemberIds);
        Assert.Single(layout.Edges, e => e.To == group.Node.Id);
    }

    [Fact]
    public void Compute_ManyVisibleNodes_CardsShrinkToLabels()
    {
        var builder = new GraphBuilder().Warehouse("w");
        for (var i = 0; i < 10; i++)
        {
            builder.Stage("s" + i, "w");
        }

        var detailed = GraphLayout.Compute(builder.Build());
        var compact = GraphLayout.Compute(builder.Build(), new GraphLayoutOptions { CompactAbove = 5 });

        Assert.False(detailed.Compact);
        Assert.All(detailed.Nodes.Where(n => n.Node.Kind == GraphNodeKind.Stage), n => Assert.Equal(2, n.VisibleLines));
        Assert.True(compact.Compact);
        Assert.All(compact.Nodes, n => Assert.Equal(0, n.VisibleLines));
        Assert.True(compact.Height < detailed.Height);
    }

    [Fact]
    public void Compute_EmptyGraph_EmptyDrawing()
    {
        var layout = GraphLayout.Compute(new PipelineGraph([], []));

        Assert.Empty(layout.Nodes);
        Assert.Empty(layout.Edges);
    }
}
