namespace Barge.Server.Ui.Graph;

/// <summary>The nodes and edges of a project's pipeline, before layout.</summary>
public sealed record PipelineGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);
