using Barge.Resources.Model;
using Barge.Server.Ui.Graph;
using Barge.Testing.Fixtures;
using BenchmarkDotNet.Attributes;

namespace Barge.Benchmarks.Ui;

/// <summary>
/// The project page's graph on the 1,000-Stage / 100-Warehouse fixture: building the graph from the
/// resources, laying it out (with the default grouping, and with grouping off as the worst case) and
/// rendering the SVG. Goal: model + layout + render under 50 ms of server time.
/// </summary>
[MemoryDiagnoser]
public class GraphLayoutBenchmarks
{
    private LargeProject _project = null!;
    private PipelineGraph _graph = null!;
    private LaidOutGraph _layout = null!;
    private static readonly GraphLayoutOptions Ungrouped = new() { AutoGroupAbove = 0 };

    [GlobalSetup]
    public void Setup()
    {
        _project = LargeProjectFixture.Generate();
        _graph = Build();
        _layout = GraphLayout.Compute(_graph);
    }

    [Benchmark]
    public PipelineGraph FromResources() => Build();

    [Benchmark]
    public LaidOutGraph Layout() => GraphLayout.Compute(_graph);

    [Benchmark]
    public LaidOutGraph LayoutUngrouped() => GraphLayout.Compute(_graph, Ungrouped);

    [Benchmark]
    public string Render() => SvgGraph.Render(_layout);

    [Benchmark]
    public int ModelLayoutRenderAndMinimap()
    {
        var layout = GraphLayout.Compute(Build());
        return SvgGraph.Render(layout).Length + SvgGraph.RenderMinimap(layout).Length;
    }

    [Benchmark]
    public int ModelLayoutRenderUngrouped()
    {
        var layout = GraphLayout.Compute(Build(), Ungrouped);
        return SvgGraph.Render(layout).Length;
    }

    private PipelineGraph Build() =>
        PipelineGraphs.FromResources(_project.Warehouses, _project.Stages, Lines, w => "/warehouses/" + w, s => "/stages/" + s);

    private static IReadOnlyList<string> Lines(Stage stage)
    {
        var items = stage.Status?.FreightHistory?.FirstOrDefault()?.Items;
        if (items is null)
        {
            return [];
        }
        return items.Values.Select(i => $"{i.Origin?.Name}: {i.Images?.FirstOrDefault()?.Tag}").ToList();
    }
}
