namespace Barge.Server.Ui.Graph;

/// <summary>One box of the pipeline graph.</summary>
/// <param name="Id">Unique within the graph (<c>warehouse/NAME</c>, <c>stage/NAME</c> from <see cref="PipelineGraphs"/>).</param>
/// <param name="Kind">Warehouse or Stage.</param>
/// <param name="Label">The name shown on the card.</param>
/// <param name="Lines">Detail lines under the label (current Freight per origin…); hidden when the layout is compact.</param>
/// <param name="StatusClass">A CSS class naming the status (<c>healthy</c>, <c>promoting</c>…); sanitised when rendered.</param>
/// <param name="Href">Where the card links to.</param>
/// <param name="Group">Nodes of one layer with the same group collapse into one node; null for none.</param>
public sealed record GraphNode(
    string Id,
    GraphNodeKind Kind,
    string Label,
    IReadOnlyList<string> Lines,
    string StatusClass,
    string Href,
    string? Group);
