using Barge.Server.Ui.Graph;
using Barge.Testing.Fixtures;
using Barge.Ui.Tests.Harness;
using Microsoft.Playwright;

namespace Barge.Ui.Tests.Graph;

/// <summary>The graph SVG as Chromium sees it: links with accessible names, no overlapping cards.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PipelineGraphBrowserTests(BrowserFixture browser)
{
    private static PipelineGraph Grommet()
    {
        GraphNode Stage(string name, string status, params string[] lines) =>
            new("stage/" + name, GraphNodeKind.Stage, name, lines, status, "/stages/" + name, null);
        GraphNode Warehouse(string name) =>
            new("warehouse/" + name, GraphNodeKind.Warehouse, name, ["image registry.example.com/grommet"], "ready", "/warehouses/" + name, null);
        return new PipelineGraph(
            [
                Warehouse("grommet-dev"), Warehouse("grommet-release"),
                Stage("dev", "healthy", "grommet-dev: 1.4.0-rc.2", "grommet-release: 1.3.1"),
                Stage("staging", "promoting", "grommet-release: 1.3.1"),
                Stage("prod-<eu>", "unhealthy", "grommet-release: 1.3.0"),
            ],
            [
                new GraphEdge("warehouse/grommet-dev", "stage/dev", "grommet-dev"),
                new GraphEdge("warehouse/grommet-release", "stage/dev", "grommet-release"),
                new GraphEdge("stage/dev", "stage/staging", "grommet-release"),
                new GraphEdge("stage/staging", "stage/prod-<eu>", "grommet-release"),
            ]);
    }

    [Fact]
    public async Task Render_InChromium_CardsAreLinksWithAccessibleNamesAndDoNotOverlap()
    {
        var layout = GraphLayout.Compute(Grommet());
        var page = await browser.NewPageAsync(1280, 800);
        await page.SetContentAsync("<!doctype html><html lang=en><title>graph</title><body style='margin:0'>" + SvgGraph.Render(layout) + "</body></html>");

        var prod = page.GetByRole(AriaRole.Link, new() { Name = "Stage prod-<eu>, unhealthy", Exact = true });
        Assert.Equal(1, await prod.CountAsync());
        Assert.Equal("/stages/prod-<eu>", await prod.GetAttributeAsync("href"));
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Warehouse grommet-release, ready", Exact = true }).CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Group, new() { Name = "Pipeline graph: 2 Warehouses, 3 Stages" }).CountAsync());

        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var card in await page.Locator("a.graph-node").AllAsync())
        {
            boxes.Add((await card.BoundingBoxAsync())!);
        }
        Assert.Equal(5, boxes.Count);
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                Assert.False(a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height, $"cards {i} and {j} overlap");
            }
        }
        await BrowserFixture.ScreenshotAsync(page, "graph-grommet");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Render_LargeFixtureInChromium_EveryCardIsANamedLinkAndGroupsLinkToTheirExpansion()
    {
        var project = LargeProjectFixture.Generate();
        var graph = PipelineGraphs.FromResources(project.Warehouses, project.Stages, _ => [], w => "/warehouses/" + w, s => "/stages/" + s);
        var layout = GraphLayout.Compute(graph);
        var page = await browser.NewPageAsync(1280, 800);
        await page.SetContentAsync("<!doctype html><html lang=en><title>large</title><body style='margin:0'>"
            + SvgGraph.RenderMinimap(layout) + SvgGraph.Render(layout) + "</body></html>");

        var cards = page.Locator("svg.pipeline-graph a.graph-node");
        Assert.Equal(layout.Nodes.Count, await cards.CountAsync());
        var names = await cards.EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('aria-label'))");
        Assert.All(names, n => Assert.False(string.IsNullOrWhiteSpace(n)));
        var group = layout.Nodes.First(n => n.IsGroup);
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Group: " + group.Node.Label, Exact = true });
        Assert.Equal("?expand=" + Uri.EscapeDataString(group.GroupKey!), await link.First.GetAttributeAsync("href"));
        Assert.Equal(1, await page.GetByRole(AriaRole.Group, new() { Name = $"Pipeline graph: 100 Warehouses, 1000 Stages ({layout.Nodes.Count(n => n.IsGroup)} collapsed groups)" }).CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "graph-large");
        await page.CloseAsync();
    }
}
