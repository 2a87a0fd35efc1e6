namespace Barge.Server.Ui.Graph;

/// <summary>A node with its place: top-left corner, size, layer (column) and order (row) in the layer.</summary>
/// <param name="Node">The node; for a collapsed group, a synthetic node whose label names the group.</param>
/// <param name="MemberIds">For a collapsed group, the ids of the nodes it stands for; otherwise empty.</param>
/// <param name="GroupKey">For a collapsed group, the key that expands it (see <see cref="GraphLayoutOptions.ExpandedGroups"/>).</param>
/// <param name="VisibleLines">How many of the node's detail lines the card shows (0 when compact); the rest is summarised as "+N more".</param>
public sealed record LaidOutNode(
    GraphNode Node,
    double X,
    double Y,
    double Width,
    double Height,
    int Layer,
    int Order,
    IReadOnlyList<string> MemberIds,
    string? GroupKey,
    int VisibleLines)
{
    /// <summary>Whether this node stands for a collapsed group.</summary>
    public bool IsGroup => MemberIds.Count > 0;
}
