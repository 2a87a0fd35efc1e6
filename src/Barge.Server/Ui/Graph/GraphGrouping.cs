using System.Security.Cryptography;
using System.Text;

namespace Barge.Server.Ui.Graph;

/// <summary>
/// Collapses nodes into group nodes, layer by layer from the left: nodes of one layer with the same
/// explicit <see cref="GraphNode.Group"/>, and, in a layer with more Stages than
/// <see cref="GraphLayoutOptions.AutoGroupAbove"/>, Stages with the same (already collapsed) upstream
/// nodes — or, when that still leaves too many, the same first upstream. Groups of one stay a node;
/// groups whose key is in <see cref="GraphLayoutOptions.ExpandedGroups"/> stay expanded.
/// </summary>
internal static class GraphGrouping
{
    /// <summary>A visible node: an input node, or a group standing for several.</summary>
    internal sealed record Visible(GraphNode Node, int Layer, IReadOnlyList<string> Members, string? GroupKey);

    /// <summary>Returns the visible nodes and, for every input node, the index of the visible node it is drawn as.</summary>
    public static (List<Visible> Nodes, int[] VisibleOf) Collapse(
        IReadOnlyList<GraphNode> nodes, int[] layers, List<GraphLayering.IndexedEdge> edges, GraphLayoutOptions options)
    {
        var n = nodes.Count;
        var predecessors = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            predecessors[i] = [];
        }
        foreach (var e in edges)
        {
            predecessors[e.To].Add(e.From);
        }

        var visibleOf = new int[n];
        var visible = new List<Visible>();
        var layerCount = n == 0 ? 0 : layers.Max() + 1;
        var byLayer = new List<int>[layerCount];
        for (var l = 0; l < layerCount; l++)
        {
            byLayer[l] = [];
        }
        for (var i = 0; i < n; i++)
        {
            byLayer[layers[i]].Add(i);
        }

        for (var layer = 0; layer < layerCount; layer++)
        {
            var key = new string?[byLayer[layer].Count];
            var members = byLayer[layer];
            for (var m = 0; m < members.Count; m++)
            {
                var group = nodes[members[m]].Group;
                key[m] = group is not null && !options.ExpandedGroups.Contains(group) ? group : null;
            }

            var ungroupedStages = members.Where((node, m) => key[m] is null && nodes[node].Kind == GraphNodeKind.Stage).Count();
            if (options.AutoGroupAbove > 0 && ungroupedStages > options.AutoGroupAbove)
            {
                AutoKeys(nodes, members, key, predecessors, visibleOf, visible, layer, options, firstOnly: false);
                var distinct = members.Select((_, m) => key[m] ?? "\0" + m).Distinct(StringComparer.Ordinal).Count();
                if (distinct > options.AutoGroupAbove)
                {
                    AutoKeys(nodes, members, key, predecessors, visibleOf, visible, layer, options, firstOnly: true);
                }
            }

            var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var m = 0; m < members.Count; m++)
            {
                if (key[m] is { } k)
                {
                    if (!groups.TryGetValue(k, out var list))
                    {
                        groups[k] = list = [];
                    }
                    list.Add(members[m]);
                }
            }
            var emitted = new HashSet<string>(StringComparer.Ordinal);
            for (var m = 0; m < members.Count; m++)
            {
                var node = members[m];
                if (key[m] is { } k && groups[k].Count > 1)
                {
                    if (emitted.Add(k))
                    {
                        var index = visible.Count;
                        visible.Add(GroupNode(nodes, groups[k], layer, k, options, visible, visibleOf, predecessors));
                        foreach (var member in groups[k])
                        {
                            visibleOf[member] = index;
                        }
                    }
                    continue;
                }
                visibleOf[node] = visible.Count;
                visible.Add(new Visible(nodes[node], layer, [], null));
            }
        }
        return (visible, visibleOf);
    }

    private static void AutoKeys(
        IReadOnlyList<GraphNode> nodes, List<int> members, string?[] key, List<int>[] predecessors,
        int[] visibleOf, List<Visible> visible, int layer, GraphLayoutOptions options, bool firstOnly)
    {
        for (var m = 0; m < members.Count; m++)
        {
            var node = members[m];
            if (nodes[node].Kind != GraphNodeKind.Stage || (key[m] is { } existing && !existing.StartsWith("auto:", StringComparison.Ordinal)))
            {
                continue;
            }
            if (firstOnly && key[m] is null)
            {
                continue; // expanded by the user in the first pass: stays expanded
            }
            var upstream = predecessors[node].Select(p => visible[visibleOf[p]].Node.Id).Distinct().Order(StringComparer.Ordinal).ToList();
            if (firstOnly && upstream.Count > 1)
            {
                upstream = upstream.Take(1).ToList();
            }
            var candidate = "auto:" + layer.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + (firstOnly ? "first:" : "") + Hash(upstream);
            key[m] = options.ExpandedGroups.Contains(candidate) ? null : candidate;
        }
    }

    private static Visible GroupNode(
        IReadOnlyList<GraphNode> nodes, List<int> members, int layer, string key, GraphLayoutOptions options,
        List<Visible> visible, int[] visibleOf, List<int>[] predecessors)
    {
        var kind = nodes[members[0]].Kind;
        var noun = kind == GraphNodeKind.Warehouse ? "Warehouses" : "Stages";
        string label;
        if (key.StartsWith("auto:", StringComparison.Ordinal))
        {
            var upstream = members.SelectMany(m => predecessors[m]).Select(p => visible[visibleOf[p]].Node.Label).Distinct().Order(StringComparer.Ordinal).ToList();
            label = upstream.Count switch
            {
                0 => $"{members.Count} {noun}",
                1 => $"{members.Count} {noun} after {upstream[0]}",
                _ => $"{members.Count} {noun} after {upstream[0]} +{upstream.Count - 1}",
            };
        }
        else
        {
            label = $"{key} ({members.Count} {noun})";
        }
        var statuses = members.GroupBy(m => nodes[m].StatusClass, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var lines = statuses.Select(g => $"{g.Count()} {g.Key}").ToList();
        var status = statuses.Count == 1 ? statuses[0].Key : "mixed";
        var id = "group/" + layer.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + key;
        var node = new GraphNode(id, kind, label, lines, status, options.GroupHref(key), key);
        return new Visible(node, layer, members.Select(m => nodes[m].Id).ToList(), key);
    }

    private static string Hash(List<string> upstream)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', upstream)));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 6));
    }
}
