namespace Barge.Server.Ui.Graph;

/// <summary>
/// Assigns layers: Warehouses in layer 0, every Stage one layer right of its deepest upstream (longest
/// path), at least layer 1. Cycles are broken by reversing the edges a depth-first search finds
/// closing them; each reversal is reported as a note.
/// </summary>
internal static class GraphLayering
{
    /// <summary>An input edge by node index, oriented for layering (Reversed when it was flipped).</summary>
    internal readonly record struct IndexedEdge(int From, int To, string? Origin, bool Reversed);

    public static (int[] Layers, List<IndexedEdge> Edges) Assign(
        IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphEdge> edges, Dictionary<string, int> index, List<string> notes)
    {
        var n = nodes.Count;
        var oriented = new List<IndexedEdge>(edges.Count);
        foreach (var edge in edges)
        {
            if (!index.TryGetValue(edge.From, out var from) || !index.TryGetValue(edge.To, out var to))
            {
                notes.Add($"Edge \"{edge.From}\" → \"{edge.To}\" names a node that is not in the graph; not drawn.");
                continue;
            }
            if (from == to)
            {
                notes.Add($"Edge \"{edge.From}\" → \"{edge.To}\" loops on itself; not drawn.");
                continue;
            }
            if (nodes[to].Kind == GraphNodeKind.Warehouse && nodes[from].Kind != GraphNodeKind.Warehouse)
            {
                notes.Add($"Edge \"{edge.From}\" → \"{edge.To}\" flows into a Warehouse; drawn reversed.");
                oriented.Add(new IndexedEdge(to, from, edge.Origin, true));
                continue;
            }
            oriented.Add(new IndexedEdge(from, to, edge.Origin, false));
        }

        BreakCycles(nodes, oriented, notes);

        var successors = Adjacency(n, oriented);
        var indegree = new int[n];
        foreach (var e in oriented)
        {
            indegree[e.To]++;
        }
        var layers = new int[n];
        for (var i = 0; i < n; i++)
        {
            layers[i] = nodes[i].Kind == GraphNodeKind.Warehouse ? 0 : 1;
        }
        var queue = new Queue<int>();
        for (var i = 0; i < n; i++)
        {
            if (indegree[i] == 0)
            {
                queue.Enqueue(i);
            }
        }
        while (queue.Count > 0)
        {
            var u = queue.Dequeue();
            foreach (var v in successors[u])
            {
                if (nodes[v].Kind != GraphNodeKind.Warehouse)
                {
                    layers[v] = Math.Max(layers[v], layers[u] + 1);
                }
                if (--indegree[v] == 0)
                {
                    queue.Enqueue(v);
                }
            }
        }
        return (layers, oriented);
    }

    /// <summary>Iterative DFS in input order; an edge into a node still on the stack closes a cycle and is reversed.</summary>
    private static void BreakCycles(IReadOnlyList<GraphNode> nodes, List<IndexedEdge> edges, List<string> notes)
    {
        var n = nodes.Count;
        var outgoing = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            outgoing[i] = [];
        }
        for (var k = 0; k < edges.Count; k++)
        {
            outgoing[edges[k].From].Add(k);
        }
        var state = new byte[n]; // 0 unvisited, 1 on stack, 2 done
        var stack = new Stack<(int Node, int Next)>();
        for (var root = 0; root < n; root++)
        {
            if (state[root] != 0)
            {
                continue;
            }
            state[root] = 1;
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (u, next) = stack.Pop();
                if (next >= outgoing[u].Count)
                {
                    state[u] = 2;
                    continue;
                }
                stack.Push((u, next + 1));
                var k = outgoing[u][next];
                var v = edges[k].To;
                if (state[v] == 1)
                {
                    var e = edges[k];
                    edges[k] = new IndexedEdge(e.To, e.From, e.Origin, !e.Reversed);
                    notes.Add($"Cycle: \"{nodes[e.From].Id}\" → \"{nodes[e.To].Id}\" closes a cycle; drawn reversed.");
                }
                else if (state[v] == 0)
                {
                    state[v] = 1;
                    stack.Push((v, 0));
                }
            }
        }
    }

    public static List<int>[] Adjacency(int n, List<IndexedEdge> edges)
    {
        var successors = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            successors[i] = [];
        }
        foreach (var e in edges)
        {
            successors[e.From].Add(e.To);
        }
        return successors;
    }
}
