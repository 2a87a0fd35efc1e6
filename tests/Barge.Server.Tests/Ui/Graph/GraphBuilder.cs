using Barge.Server.Ui.Graph;

namespace Barge.Server.Tests.Ui.Graph;

/// <summary>Small graphs for the layout tests: <c>Warehouse("w")</c>, <c>Stage("dev", "w")</c> (upstream ids or names).</summary>
internal sealed class GraphBuilder
{
    private readonly List<GraphNode> _nodes = [];
    private readonly List<GraphEdge> _edges = [];

    public GraphBuilder Warehouse(string name, string? group = null)
    {
        _nodes.Add(new GraphNode("warehouse/" + name, GraphNodeKind.Warehouse, name, [], "ready", "/w/" + name, group));
        return this;
    }

    public GraphBuilder Stage(string name, params string[] upstream) => GroupedStage(name, null, "healthy", upstream);

    public GraphBuilder GroupedStage(string name, string? group, string status, params string[] upstream)
    {
        _nodes.Add(new GraphNode("stage/" + name, GraphNodeKind.Stage, name, ["line one", "line two"], status, "/s/" + name, group));
        foreach (var up in upstream)
        {
            var from = _nodes.Any(n => n.Id == "warehouse/" + up) ? "warehouse/" + up : "stage/" + up;
            _edges.Add(new GraphEdge(from, "stage/" + name, null));
        }
        return this;
    }

    public GraphBuilder Edge(string from, string to)
    {
        _edges.Add(new GraphEdge(from, to, null));
        return this;
    }

    public PipelineGraph Build() => new(_nodes.ToList(), _edges.ToList());
}
