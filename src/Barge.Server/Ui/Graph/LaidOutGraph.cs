namespace Barge.Server.Ui.Graph;

/// <summary>The result of <see cref="GraphLayout.Compute"/>: placed nodes and routed edges, ready to render.</summary>
/// <param name="Nodes">Placed nodes, by layer then order.</param>
/// <param name="Edges">Routed edges.</param>
/// <param name="Width">Drawing width including margins.</param>
/// <param name="Height">Drawing height including margins.</param>
/// <param name="Compact">True when the level of detail dropped the detail lines (too many visible nodes).</param>
/// <param name="Notes">What the layout changed about the input (cycles broken, unknown edge ends dropped), for display.</param>
/// <param name="WarehouseCount">Warehouses in the input graph.</param>
/// <param name="StageCount">Stages in the input graph.</param>
public sealed record LaidOutGraph(
    IReadOnlyList<LaidOutNode> Nodes,
    IReadOnlyList<LaidOutEdge> Edges,
    double Width,
    double Height,
    bool Compact,
    IReadOnlyList<string> Notes,
    int WarehouseCount,
    int StageCount);
