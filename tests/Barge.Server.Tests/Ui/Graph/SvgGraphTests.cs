using System.Xml.Linq;
using Barge.Server.Ui.Graph;

namespace Barge.Server.Tests.Ui.Graph;

public sealed class SvgGraphTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static LaidOutGraph Hostile()
    {
        var warehouse = new GraphNode("warehouse/w", GraphNodeKind.Warehouse, "w<&>", [], "ready", "/w?a=1&b=\"2\"", null);
        var stage = new GraphNode("stage/<script>", GraphNodeKind.Stage, "<script>alert('x')</script>",
            ["freight \"a\" & <b>", "\u0001bell"], "Healthy Now!", "/s/'x'", null);
        return GraphLayout.Compute(new PipelineGraph([warehouse, stage], [new GraphEdge(warehouse.Id, stage.Id, "w<&>")]));
    }

    [Fact]
    public void Render_MarkupInNamesLinesAndLinks_EscapedAndStillWellFormed()
    {
        var svg = SvgGraph.Render(Hostile());

        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        var doc = XDocument.Parse(svg);
        var stage = doc.Descendants(Svg + "a").Single(a => (string?)a.Attribute("data-node-id") == "stage/<script>");
        Assert.Equal("/s/'x'", (string?)stage.Attribute("href"));
        Assert.StartsWith("<script>alert(", stage.Elements(Svg + "text").First().Value, StringComparison.Ordinal);
        Assert.Contains(stage.Elements(Svg + "text"), t => t.Value == "freight \"a\" & <b>");
        var warehouse = doc.Descendants(Svg + "a").Single(a => (string?)a.Attribute("data-node-id") == "warehouse/w");
        Assert.Equal("/w?a=1&b=\"2\"", (string?)warehouse.Attribute("href"));
    }

    [Fact]
    public void Render_Cards_HaveAccessibleNamesTitlesAndStatusClasses()
    {
        var doc = XDocument.Parse(SvgGraph.Render(Hostile()));

        var root = doc.Root!;
        Assert.Equal("Pipeline graph: 1 Warehouses, 1 Stages", (string?)root.Attribute("aria-label"));
        Assert.Equal("Pipeline graph: 1 Warehouses, 1 Stages", root.Element(Svg + "title")!.Value);
        var stage = doc.Descendants(Svg + "a").Single(a => (string?)a.Attribute("data-node-id") == "stage/<script>");
        Assert.Equal("Stage <script>alert('x')</script>, Healthy Now!", (string?)stage.Attribute("aria-label"));
        Assert.StartsWith("Stage <script>", stage.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        Assert.Equal("graph-node kind-stage status-healthy-now-", (string?)stage.Attribute("class"));
        Assert.Equal(SvgGraph.ElementId("stage/<script>"), (string?)stage.Attribute("id"));
        Assert.Single(doc.Descendants(Svg + "path"), p => ((string?)p.Attribute("class"))?.StartsWith("edge", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Render_TooManyLines_ShowsCapAndMoreLine()
    {
        var lines = Enumerable.Range(1, 7).Select(i => "origin " + i).ToList();
        var node = new GraphNode("stage/s", GraphNodeKind.Stage, "s", lines, "healthy", "/s", null);

        var doc = XDocument.Parse(SvgGraph.Render(GraphLayout.Compute(new PipelineGraph([node], []))));

        var texts = doc.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal(["s", "origin 1", "origin 2", "origin 3", "origin 4", "+3 more"], texts);
    }

    [Fact]
    public void ElementId_IdsThatSanitiseAlike_StayDistinct()
    {
        var a = SvgGraph.ElementId("stage/a.b");
        var b = SvgGraph.ElementId("stage/a-b");

        Assert.NotEqual(a, b);
        Assert.Matches("^gn-[A-Za-z0-9_-]+$", a);
    }

    [Fact]
    public void RenderMinimap_OneLinkedBlockPerCard_HiddenFromAssistiveTechnology()
    {
        var layout = Hostile();

        var doc = XDocument.Parse(SvgGraph.RenderMinimap(layout, 120, 80));

        Assert.Equal("true", (string?)doc.Root!.Attribute("aria-hidden"));
        var links = doc.Descendants(Svg + "a").Select(a => (string?)a.Attribute("href")).ToList();
        Assert.Equal(layout.Nodes.Select(n => "#" + SvgGraph.ElementId(n.Node.Id)), links);
        Assert.True(double.Parse((string)doc.Root.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture) <= 120);
    }

    [Fact]
    public void RenderNode_SameMarkupAsInTheGraph()
    {
        var layout = Hostile();

        var card = SvgGraph.RenderNode(layout.Nodes[1], layout.Compact);

        Assert.Contains(card, SvgGraph.Render(layout), StringComparison.Ordinal);
    }
}
