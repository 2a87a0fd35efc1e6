namespace Barge.Server.Ui.Graph;

/// <summary>
/// Lays out a pipeline graph left to right (a layered, Sugiyama-style drawing): Warehouses in the
/// first column, each Stage one column right of its deepest upstream; crowded columns collapsed into
/// groups; bends inserted where an edge skips columns; rows ordered by barycentric sweeps to reduce
/// crossings; cards placed level with their upstream without overlap; edges routed through their bends.
/// </summary>
public static class GraphLayout
{
    /// <summary>Computes the layout. Throws <see cref="ArgumentException"/> when two nodes share an id.</summary>
    public static LaidOutGraph Compute(PipelineGraph graph, GraphLayoutOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= GraphLayoutOptions.Default;
        var nodes = graph.Nodes;
        var index = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (!index.TryAdd(nodes[i].Id, i))
            {
                throw new ArgumentException($"Graph node \"{nodes[i].Id}\" appears more than once.", nameof(graph));
            }
        }

        var notes = new List<string>();
        var (layers, edges) = GraphLayering.Assign(nodes, graph.Edges, index, notes);
        var (visible, visibleOf) = GraphGrouping.Collapse(nodes, layers, edges, options);
        var compact = visible.Count > options.CompactAbove;

        // Visible edges: merged per (from, to, reversed), origins unioned.
        var merged = new Dictionary<(int From, int To, bool Reversed), SortedSet<string>>();
        foreach (var e in edges)
        {
            var key = (visibleOf[e.From], visibleOf[e.To], e.Reversed);
            if (key.Item1 == key.Item2)
            {
                continue;
            }
            if (!merged.TryGetValue(key, out var origins))
            {
                merged[key] = origins = new SortedSet<string>(StringComparer.Ordinal);
            }
            if (e.Origin is not null)
            {
                origins.Add(e.Origin);
            }
        }

        // Slots: visible nodes first, then one bend per column an edge crosses.
        var slotLayer = visible.Select(v => v.Layer).ToList();
        var chains = new List<(int From, int To, bool Reversed, SortedSet<string> Origins, List<int> Slots)>(merged.Count);
        foreach (var ((from, to, reversed), origins) in merged.OrderBy(m => m.Key.From).ThenBy(m => m.Key.To))
        {
            var slots = new List<int> { from };
            for (var l = visible[from].Layer + 1; l < visible[to].Layer; l++)
            {
                slots.Add(slotLayer.Count);
                slotLayer.Add(l);
            }
            slots.Add(to);
            chains.Add((from, to, reversed, origins, slots));
        }
        var slotCount = slotLayer.Count;
        var up = new List<int>[slotCount];
        var down = new List<int>[slotCount];
        for (var s = 0; s < slotCount; s++)
        {
            up[s] = [];
            down[s] = [];
        }
        foreach (var chain in chains)
        {
            for (var k = 0; k + 1 < chain.Slots.Count; k++)
            {
                var (a, b) = (chain.Slots[k], chain.Slots[k + 1]);
                if (slotLayer[a] + 1 == slotLayer[b])
                {
                    down[a].Add(b);
                    up[b].Add(a);
                }
            }
        }
        var layerCount = slotCount == 0 ? 0 : slotLayer.Max() + 1;
        var columns = new List<int>[layerCount];
        for (var l = 0; l < layerCount; l++)
        {
            columns[l] = [];
        }
        for (var s = 0; s < slotCount; s++)
        {
            columns[slotLayer[s]].Add(s);
        }
        GraphOrdering.Order(columns, up, down, options.OrderingSweeps);

        // Coordinates: fixed column width; column 0 stacked from the top; every later card as close as it
        // can get to the mean height of its upstream neighbours, pushed down only to clear the card above
        // (order kept, no overlap), so edges run nearly level instead of across a centred column.
        var width = compact ? options.CompactWidth : options.NodeWidth;
        var heights = new double[slotCount];
        for (var s = 0; s < slotCount; s++)
        {
            heights[s] = s < visible.Count ? CardHeight(visible[s].Node, compact, options) : 0;
        }
        var x = new double[slotCount];
        var y = new double[slotCount];
        var order = new int[slotCount];
        double bottom = options.Margin;
        for (var l = 0; l < layerCount; l++)
        {
            var cursor = options.Margin;
            for (var i = 0; i < columns[l].Count; i++)
            {
                var s = columns[l][i];
                var wanted = cursor;
                if (up[s].Count > 0)
                {
                    var centre = up[s].Average(u => y[u] + heights[u] / 2);
                    wanted = Math.Max(cursor, centre - heights[s] / 2);
                }
                x[s] = options.Margin + l * (width + options.LayerGap);
                y[s] = wanted;
                order[s] = i;
                cursor = wanted + heights[s] + options.RowGap;
                bottom = Math.Max(bottom, wanted + heights[s]);
            }
        }
        var tallest = bottom - options.Margin;

        var laidNodes = new List<LaidOutNode>(visible.Count);
        foreach (var column in columns)
        {
            foreach (var s in column)
            {
                if (s < visible.Count)
                {
                    var v = visible[s];
                    var lines = compact ? 0 : Math.Min(v.Node.Lines.Count, options.MaxLines);
                    laidNodes.Add(new LaidOutNode(v.Node, x[s], y[s], width, heights[s], v.Layer, order[s], v.Members, v.GroupKey, lines));
                }
            }
        }

        var laidEdges = new List<LaidOutEdge>(chains.Count);
        foreach (var chain in chains)
        {
            var points = new List<GraphPoint>(chain.Slots.Count * 2);
            var first = chain.Slots[0];
            points.Add(new GraphPoint(x[first] + width, y[first] + heights[first] / 2));
            for (var k = 1; k + 1 < chain.Slots.Count; k++)
            {
                var s = chain.Slots[k];
                points.Add(new GraphPoint(x[s], y[s]));
                points.Add(new GraphPoint(x[s] + width, y[s]));
            }
            var last = chain.Slots[^1];
            points.Add(new GraphPoint(x[last], y[last] + heights[last] / 2));
            var (fromId, toId) = (visible[chain.From].Node.Id, visible[chain.To].Node.Id);
            if (chain.Reversed)
            {
                (fromId, toId) = (toId, fromId);
            }
            laidEdges.Add(new LaidOutEdge(fromId, toId, chain.Origins.ToList(), points, chain.Reversed));
        }

        var totalWidth = layerCount == 0 ? 2 * options.Margin : 2 * options.Margin + layerCount * width + (layerCount - 1) * options.LayerGap;
        var totalHeight = 2 * options.Margin + tallest;
        return new LaidOutGraph(laidNodes, laidEdges, totalWidth, totalHeight, compact, notes,
            nodes.Count(n => n.Kind == GraphNodeKind.Warehouse), nodes.Count(n => n.Kind == GraphNodeKind.Stage));
    }

    // Detail rows of a card: the lines shown, plus one for "+N more" when some are cut.
    private static int ShownLines(GraphNode node, GraphLayoutOptions options) =>
        node.Lines.Count <= options.MaxLines ? node.Lines.Count : options.MaxLines + 1;

    private static double CardHeight(GraphNode node, bool compact, GraphLayoutOptions options) =>
        compact ? options.CompactHeight : options.NodeHeight + ShownLines(node, options) * options.LineHeight;
}
