namespace Barge.Server.Ui.Graph;

/// <summary>Freight flows from <paramref name="From"/> to <paramref name="To"/> (node ids).</summary>
/// <param name="From">The upstream node: a Warehouse (direct source) or an upstream Stage.</param>
/// <param name="To">The requesting Stage.</param>
/// <param name="Origin">The Warehouse whose Freight flows along the edge, when known.</param>
public sealed record GraphEdge(string From, string To, string? Origin);
