using System.Globalization;
using System.Text;

namespace Barge.Server.Ui.Graph;

/// <summary>
/// Renders a <see cref="LaidOutGraph"/> as one self-contained <c>&lt;svg&gt;</c> (its own styles and
/// arrow markers, no script): every card is a link to its <see cref="GraphNode.Href"/> with an
/// accessible name, a <c>&lt;title&gt;</c>, CSS classes <c>kind-*</c> and <c>status-*</c>, and a stable
/// element id (<see cref="ElementId"/>) so a live update can replace one card. All text is escaped.
/// </summary>
public static class SvgGraph
{
    private const double CharWidth = 7.4;

    /// <summary>The graph drawing.</summary>
    public static string Render(LaidOutGraph layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var sb = new StringBuilder(256 + layout.Nodes.Count * 400 + layout.Edges.Count * 160);
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pipeline-graph")
          .Append(layout.Compact ? " compact" : "").Append("\" width=\"").Append(Num(layout.Width))
          .Append("\" height=\"").Append(Num(layout.Height)).Append("\" viewBox=\"0 0 ").Append(Num(layout.Width)).Append(' ')
          .Append(Num(layout.Height)).Append("\" role=\"group\" aria-label=\"");
        var summary = Summary(layout);
        Escape(sb, summary).Append("\"><title>");
        Escape(sb, summary).Append("</title>");
        if (layout.Notes.Count > 0)
        {
            sb.Append("<desc>");
            Escape(sb, string.Join(" ", layout.Notes)).Append("</desc>");
        }
        sb.Append(Styles);
        sb.Append("<g class=\"edges\" aria-hidden=\"true\">");
        foreach (var edge in layout.Edges)
        {
            RenderEdge(sb, edge);
        }
        sb.Append("</g><g class=\"nodes\">");
        foreach (var node in layout.Nodes)
        {
            RenderNode(sb, node, layout.Compact);
        }
        sb.Append("</g></svg>");
        return sb.ToString();
    }

    /// <summary>One card, as <see cref="Render"/> draws it (for a live update replacing the element with the same id).</summary>
    public static string RenderNode(LaidOutNode node, bool compact)
    {
        ArgumentNullException.ThrowIfNull(node);
        var sb = new StringBuilder(400);
        RenderNode(sb, node, compact);
        return sb.ToString();
    }

    /// <summary>
    /// A small overview of the whole drawing (at most <paramref name="maxWidth"/>×<paramref name="maxHeight"/>):
    /// one status-coloured block per card, each a link to the card's element id, hidden from assistive
    /// technology (the graph itself carries the names).
    /// </summary>
    public static string RenderMinimap(LaidOutGraph layout, double maxWidth = 240, double maxHeight = 160)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var scale = Math.Min(maxWidth / Math.Max(1, layout.Width), maxHeight / Math.Max(1, layout.Height));
        scale = Math.Min(scale, 1);
        var (w, h) = (layout.Width * scale, layout.Height * scale);
        var sb = new StringBuilder(200 + layout.Nodes.Count * 120);
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pipeline-minimap\" width=\"").Append(Num(w))
          .Append("\" height=\"").Append(Num(h)).Append("\" viewBox=\"0 0 ").Append(Num(layout.Width)).Append(' ')
          .Append(Num(layout.Height)).Append("\" aria-hidden=\"true\" focusable=\"false\">");
        sb.Append("<rect class=\"minimap-frame\" width=\"100%\" height=\"100%\" fill=\"#f4f6f8\"/>");
        foreach (var node in layout.Nodes)
        {
            sb.Append("<a href=\"#").Append(ElementId(node.Node.Id)).Append("\" tabindex=\"-1\"><rect class=\"status-");
            sb.Append(CssToken(node.Node.StatusClass)).Append("\" x=\"").Append(Num(node.X)).Append("\" y=\"").Append(Num(node.Y))
              .Append("\" width=\"").Append(Num(node.Width)).Append("\" height=\"").Append(Num(node.Height))
              .Append("\" fill=\"").Append(Fill(node.Node.StatusClass)).Append("\"/></a>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>The element id of a node's card: its id reduced to <c>[A-Za-z0-9_-]</c> plus a hash, so distinct ids stay distinct.</summary>
    public static string ElementId(string nodeId)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        var sb = new StringBuilder("gn-", nodeId.Length + 12);
        foreach (var c in nodeId)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }
        uint hash = 2166136261;
        foreach (var c in nodeId)
        {
            hash = (hash ^ c) * 16777619;
        }
        return sb.Append('-').Append(hash.ToString("x8", CultureInfo.InvariantCulture)).ToString();
    }

    private static void RenderNode(StringBuilder sb, LaidOutNode laid, bool compact)
    {
        var node = laid.Node;
        var kind = node.Kind == GraphNodeKind.Warehouse ? "warehouse" : "stage";
        var status = CssToken(node.StatusClass);
        var name = (laid.IsGroup ? "Group: " : node.Kind == GraphNodeKind.Warehouse ? "Warehouse " : "Stage ") + node.Label
            + (laid.IsGroup ? "" : ", " + node.StatusClass);
        var title = node.Lines.Count == 0 ? name : name + "\n" + string.Join("\n", node.Lines);
        sb.Append("<a id=\"").Append(ElementId(node.Id)).Append("\" class=\"graph-node kind-").Append(kind)
          .Append(" status-").Append(status).Append(laid.IsGroup ? " group" : "").Append("\" href=\"");
        Escape(sb, node.Href).Append("\" data-node-id=\"");
        Escape(sb, node.Id).Append("\" aria-label=\"");
        Escape(sb, name).Append("\"><title>");
        Escape(sb, title).Append("</title>");
        sb.Append("<rect x=\"").Append(Num(laid.X)).Append("\" y=\"").Append(Num(laid.Y)).Append("\" width=\"").Append(Num(laid.Width))
          .Append("\" height=\"").Append(Num(laid.Height)).Append("\" rx=\"6\"/>");
        sb.Append("<rect class=\"bar\" x=\"").Append(Num(laid.X)).Append("\" y=\"").Append(Num(laid.Y)).Append("\" width=\"5\" height=\"")
          .Append(Num(laid.Height)).Append("\" rx=\"2\"/>");
        var textX = Num(laid.X + 14);
        var maxChars = Math.Max(4, (int)((laid.Width - 22) / CharWidth));
        var labelY = compact ? laid.Y + laid.Height / 2 + 4.5 : laid.Y + 22;
        sb.Append("<text class=\"label\" x=\"").Append(textX).Append("\" y=\"").Append(Num(labelY)).Append("\">");
        Escape(sb, Truncate(node.Label, maxChars)).Append("</text>");
        if (!compact)
        {
            var shown = Math.Min(node.Lines.Count, laid.VisibleLines);
            var lineY = laid.Y + 40;
            for (var i = 0; i < shown; i++, lineY += 16)
            {
                sb.Append("<text class=\"line\" x=\"").Append(textX).Append("\" y=\"").Append(Num(lineY)).Append("\">");
                Escape(sb, Truncate(node.Lines[i], maxChars + 2)).Append("</text>");
            }
            if (shown < node.Lines.Count)
            {
                sb.Append("<text class=\"line more\" x=\"").Append(textX).Append("\" y=\"").Append(Num(lineY)).Append("\">+")
                  .Append((node.Lines.Count - shown).ToString(CultureInfo.InvariantCulture)).Append(" more</text>");
            }
        }
        sb.Append("</a>");
    }

    private static void RenderEdge(StringBuilder sb, LaidOutEdge edge)
    {
        sb.Append("<path class=\"edge").Append(edge.Reversed ? " reversed" : "").Append("\" d=\"M")
          .Append(Num(edge.Points[0].X)).Append(',').Append(Num(edge.Points[0].Y));
        for (var i = 1; i < edge.Points.Count; i++)
        {
            var (a, b) = (edge.Points[i - 1], edge.Points[i]);
            if (Math.Abs(a.Y - b.Y) < 0.01)
            {
                sb.Append(" L").Append(Num(b.X)).Append(',').Append(Num(b.Y));
                continue;
            }
            var mid = (a.X + b.X) / 2;
            sb.Append(" C").Append(Num(mid)).Append(',').Append(Num(a.Y)).Append(' ').Append(Num(mid)).Append(',').Append(Num(b.Y))
              .Append(' ').Append(Num(b.X)).Append(',').Append(Num(b.Y));
        }
        sb.Append(edge.Reversed ? "\" marker-start=\"url(#barge-arrow-back)\"" : "\" marker-end=\"url(#barge-arrow)\"");
        if (edge.Origins.Count > 0)
        {
            sb.Append(" data-origins=\"");
            Escape(sb, string.Join(' ', edge.Origins)).Append('"');
        }
        sb.Append("/>");
    }

    private static string Summary(LaidOutGraph layout)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Pipeline graph: {layout.WarehouseCount} Warehouses, {layout.StageCount} Stages");
        var groups = layout.Nodes.Count(n => n.IsGroup);
        return groups == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text} ({groups} collapsed groups)");
    }

    private static string Truncate(string text, int maxChars) =>
        text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars - 1), "…");

    /// <summary>A status as a CSS class token: lower-case ASCII letters, digits and '-'; anything else becomes '-'.</summary>
    internal static string CssToken(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "unknown";
        }
        var chars = value.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-').ToArray();
        return new string(chars);
    }

    private static string Fill(string status) => CssToken(status) switch
    {
        "healthy" or "ready" or "succeeded" => "#2e9d5b",
        "unhealthy" or "not-ready" or "failed" or "errored" => "#d64545",
        "progressing" or "promoting" or "running" => "#2f6fd6",
        "mixed" => "#d69a2e",
        _ => "#9aa5b1",
    };

    private static StringBuilder Escape(StringBuilder sb, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    if (c < 0x20 && c is not '\n' and not '\t')
                    {
                        sb.Append(' ');
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb;
    }

    private static string Num(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private const string Styles =
        "<style>" +
        ".pipeline-graph{font-family:system-ui,-apple-system,'Segoe UI',sans-serif}" +
        ".pipeline-graph .edge{fill:none;stroke:#9aa5b1;stroke-width:1.5}" +
        ".pipeline-graph .edge.reversed{stroke-dasharray:4 3}" +
        ".pipeline-graph .graph-node rect{fill:#fff;stroke:#c5ccd3;stroke-width:1}" +
        ".pipeline-graph .graph-node:hover rect,.pipeline-graph .graph-node:focus rect{stroke:#2f6fd6;stroke-width:2}" +
        ".pipeline-graph .graph-node.group rect{fill:#f4f6f8;stroke-dasharray:5 3}" +
        ".pipeline-graph .graph-node rect.bar{stroke:none;fill:#9aa5b1}" +
        ".pipeline-graph .kind-warehouse rect{fill:#f7f4ff}" +
        ".pipeline-graph .status-healthy rect.bar,.pipeline-graph .status-ready rect.bar{fill:#2e9d5b}" +
        ".pipeline-graph .status-unhealthy rect.bar,.pipeline-graph .status-not-ready rect.bar{fill:#d64545}" +
        ".pipeline-graph .status-progressing rect.bar,.pipeline-graph .status-promoting rect.bar{fill:#2f6fd6}" +
        ".pipeline-graph .status-mixed rect.bar{fill:#d69a2e}" +
        ".pipeline-graph .label{font-size:13px;font-weight:600;fill:#1f2933}" +
        ".pipeline-graph .line{font-size:11px;fill:#52606d}" +
        ".pipeline-graph .line.more{font-style:italic}" +
        "</style>" +
        "<defs><marker id=\"barge-arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">" +
        "<path d=\"M0,0 L8,4 L0,8 z\" fill=\"#9aa5b1\"/></marker>" +
        "<marker id=\"barge-arrow-back\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">" +
        "<path d=\"M0,0 L8,4 L0,8 z\" fill=\"#9aa5b1\"/></marker></defs>";
}
