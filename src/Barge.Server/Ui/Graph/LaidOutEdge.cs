namespace Barge.Server.Ui.Graph;

/// <summary>An edge between laid-out nodes with its route: the source's right side, one point per layer crossed, the target's left side.</summary>
/// <param name="From">The laid-out source node id (a group's id when the source was collapsed).</param>
/// <param name="To">The laid-out target node id.</param>
/// <param name="Origins">The Warehouses whose Freight flows along it (edges merged by grouping keep all), sorted.</param>
/// <param name="Points">The route, left to right.</param>
/// <param name="Reversed">True when the edge closed a cycle and was drawn against the flow.</param>
public sealed record LaidOutEdge(string From, string To, IReadOnlyList<string> Origins, IReadOnlyList<GraphPoint> Points, bool Reversed);
