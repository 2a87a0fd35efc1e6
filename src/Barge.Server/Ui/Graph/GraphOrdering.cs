namespace Barge.Server.Ui.Graph;

/// <summary>
/// Orders the slots (nodes and edge bends) of every layer to reduce edge crossings: alternating
/// downward and upward barycentric sweeps, keeping the order with the fewest crossings seen.
/// </summary>
internal static class GraphOrdering
{
    /// <param name="layers">Slots per layer, in their initial order; reordered in place.</param>
    /// <param name="up">For each slot, its neighbours in the previous layer.</param>
    /// <param name="down">For each slot, its neighbours in the next layer.</param>
    /// <param name="sweeps">Number of down+up sweep pairs.</param>
    /// <returns>The crossings of the chosen order.</returns>
    public static long Order(List<int>[] layers, List<int>[] up, List<int>[] down, int sweeps)
    {
        var position = new int[up.Length];
        SetPositions(layers, position);
        var best = Snapshot(layers);
        var bestCrossings = Crossings(layers, down, position);
        for (var sweep = 0; sweep < sweeps && bestCrossings > 0; sweep++)
        {
            for (var l = 1; l < layers.Length; l++)
            {
                Reorder(layers[l], up, position);
            }
            for (var l = layers.Length - 2; l >= 0; l--)
            {
                Reorder(layers[l], down, position);
            }
            var crossings = Crossings(layers, down, position);
            if (crossings < bestCrossings)
            {
                bestCrossings = crossings;
                best = Snapshot(layers);
            }
        }
        for (var l = 0; l < layers.Length; l++)
        {
            layers[l].Clear();
            layers[l].AddRange(best[l]);
        }
        return bestCrossings;
    }

    /// <summary>Total crossings between adjacent layers, counted as inversions (O(E log V) per layer pair).</summary>
    public static long Crossings(List<int>[] layers, List<int>[] down, int[] position)
    {
        long total = 0;
        var segments = new List<(int Upper, int Lower)>();
        for (var l = 0; l + 1 < layers.Length; l++)
        {
            segments.Clear();
            foreach (var u in layers[l])
            {
                foreach (var v in down[u])
                {
                    segments.Add((position[u], position[v]));
                }
            }
            segments.Sort();
            var tree = new int[layers[l + 1].Count + 1];
            for (var k = 0; k < segments.Count; k++)
            {
                var lower = segments[k].Lower + 1;
                var atMost = 0;
                for (var i = lower; i > 0; i -= i & -i)
                {
                    atMost += tree[i];
                }
                total += k - atMost;
                for (var i = lower; i < tree.Length; i += i & -i)
                {
                    tree[i]++;
                }
            }
        }
        return total;
    }

    private static void Reorder(List<int> layer, List<int>[] neighbours, int[] position)
    {
        var keyed = new List<(double Key, int Index, int Slot)>(layer.Count);
        for (var i = 0; i < layer.Count; i++)
        {
            var slot = layer[i];
            var list = neighbours[slot];
            double key = i;
            if (list.Count > 0)
            {
                double sum = 0;
                foreach (var w in list)
                {
                    sum += position[w];
                }
                key = sum / list.Count;
            }
            keyed.Add((key, i, slot));
        }
        keyed.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Index.CompareTo(b.Index));
        for (var i = 0; i < keyed.Count; i++)
        {
            layer[i] = keyed[i].Slot;
            position[keyed[i].Slot] = i;
        }
    }

    private static void SetPositions(List<int>[] layers, int[] position)
    {
        foreach (var layer in layers)
        {
            for (var i = 0; i < layer.Count; i++)
            {
                position[layer[i]] = i;
            }
        }
    }

    private static List<int>[] Snapshot(List<int>[] layers) => layers.Select(l => new List<int>(l)).ToArray();
}
