namespace Barge.Server.Ui.Graph;

/// <summary>How <see cref="GraphLayout"/> places and simplifies a graph. Sizes are SVG user units (px).</summary>
public sealed record GraphLayoutOptions
{
    /// <summary>The defaults: 220×(48 + 16 per line) cards, compact past 120 visible nodes, auto-grouping past 24 per layer.</summary>
    public static GraphLayoutOptions Default { get; } = new();

    /// <summary>Card width. Default 220.</summary>
    public double NodeWidth { get; init; } = 220;

    /// <summary>Card height without detail lines. Default 48.</summary>
    public double NodeHeight { get; init; } = 48;

    /// <summary>Height added per detail line. Default 16.</summary>
    public double LineHeight { get; init; } = 16;

    /// <summary>At most this many detail lines per card (the rest is summarised as "+N more"). Default 4.</summary>
    public int MaxLines { get; init; } = 4;

    /// <summary>Width and height of a card in compact mode (label only). Default 160×28.</summary>
    public double CompactWidth { get; init; } = 160;

    /// <summary>Height of a compact card. Default 28.</summary>
    public double CompactHeight { get; init; } = 28;

    /// <summary>Horizontal space between layers. Default 80.</summary>
    public double LayerGap { get; init; } = 80;

    /// <summary>Vertical space between cards of a layer. Default 16.</summary>
    public double RowGap { get; init; } = 16;

    /// <summary>Space around the drawing. Default 24.</summary>
    public double Margin { get; init; } = 24;

    /// <summary>
    /// Level of detail: with more visible nodes than this, every card shrinks to its label. Default 120.
    /// </summary>
    public int CompactAbove { get; init; } = 120;

    /// <summary>
    /// A layer with more Stages than this groups its Stages by their shared upstream nodes; each group
    /// of two or more collapses into one node with a count. 0 turns automatic grouping off. Default 24.
    /// </summary>
    public int AutoGroupAbove { get; init; } = 24;

    /// <summary>Group keys (explicit <see cref="GraphNode.Group"/> values or automatic keys) drawn expanded.</summary>
    public IReadOnlySet<string> ExpandedGroups { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The link of a collapsed group, from its key. Default <c>?expand=KEY</c>.</summary>
    public Func<string, string> GroupHref { get; init; } = key => "?expand=" + Uri.EscapeDataString(key);

    /// <summary>Barycentric sweeps (down and up) to reduce crossings. Default 4.</summary>
    public int OrderingSweeps { get; init; } = 4;
}
