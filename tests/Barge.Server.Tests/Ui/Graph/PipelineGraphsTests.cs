using Barge.Resources.Model;
using Barge.Server.Ui.Graph;

namespace Barge.Server.Tests.Ui.Graph;

public sealed class PipelineGraphsTests
{
    private static Warehouse Warehouse(string name) => new() { Metadata = new ObjectMeta { Name = name, Namespace = "grommet" } };

    private static FreightRequest Request(string origin, bool direct, params string[] stages) => new()
    {
        Origin = new FreightOrigin { Kind = FreightOrigin.WarehouseKind, Name = origin },
        Sources = new FreightSources { Direct = direct, Stages = stages.Length == 0 ? null : [.. stages] },
    };

    private static Stage Stage(string name, params FreightRequest[] requests) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "grommet" },
        Spec = new StageSpec { RequestedFreight = [.. requests] },
        Status = new StageStatus { Health = new Health { Status = "Healthy" } },
    };

    [Fact]
    public void FromResources_DirectAndStageSources_OneEdgePerOriginAndSource()
    {
        var warehouses = new[] { Warehouse("grommet-release"), Warehouse("grommet-dev") };
        var stages = new[]
        {
            Stage("prod", Request("grommet-release", false, "dev")),
            Stage("dev", Request("grommet-release", true), Request("grommet-dev", true)),
            Stage("qa", Request("grommet-release", false, "dev"), Request("grommet-dev", false, "dev")),
        };

        var graph = PipelineGraphs.FromResources(warehouses, stages, s => ["current of " + s.Name], w => "/w/" + w, s => "/s/" + s);

        Assert.Equal(["warehouse/grommet-dev", "warehouse/grommet-release", "stage/dev", "stage/prod", "stage/qa"], graph.Nodes.Select(n => n.Id));
        Assert.Equal(
            [
                new GraphEdge("warehouse/grommet-release", "stage/dev", "grommet-release"),
                new GraphEdge("warehouse/grommet-dev", "stage/dev", "grommet-dev"),
                new GraphEdge("stage/dev", "stage/prod", "grommet-release"),
                new GraphEdge("stage/dev", "stage/qa", "grommet-release"),
                new GraphEdge("stage/dev", "stage/qa", "grommet-dev"),
            ],
            graph.Edges);
        var dev = graph.Nodes.Single(n => n.Id == "stage/dev");
        Assert.Equal(("dev", "/s/dev", "healthy"), (dev.Label, dev.Href, dev.StatusClass));
        Assert.Equal(["current of dev"], dev.Lines);
        Assert.Equal("/w/grommet-dev", graph.Nodes[0].Href);
    }

    [Fact]
    public void FromResources_SourceNamingMissingWarehouseOrStage_NoEdge()
    {
        var stages = new[] { Stage("dev", Request("grommet-relase", true), Request("grommet-release", false, "ghost")) };

        var graph = PipelineGraphs.FromResources([Warehouse("grommet-release")], stages, _ => [], w => w, s => s);

        Assert.Empty(graph.Edges);
        Assert.Equal(2, graph.Nodes.Count);
    }

    [Fact]
    public void FromResources_StageWithPromotionRunning_StatusPromoting()
    {
        var stage = Stage("dev", Request("w", true)) with
        {
            Status = new StageStatus { CurrentPromotion = new PromotionReference { Name = "dev.01" } },
        };

        var graph = PipelineGraphs.FromResources([Warehouse("w")], [stage], _ => [], w => w, s => s);

        Assert.Equal("promoting", graph.Nodes.Single(n => n.Kind == GraphNodeKind.Stage).StatusClass);
    }
}
