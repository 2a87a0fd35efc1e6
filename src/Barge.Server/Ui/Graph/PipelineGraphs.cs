using Barge.Resources.Model;

namespace Barge.Server.Ui.Graph;

/// <summary>Builds a <see cref="PipelineGraph"/> from a project's Warehouses and Stages.</summary>
public static class PipelineGraphs
{
    /// <summary>The node id of a Warehouse.</summary>
    public static string WarehouseId(string name) => "warehouse/" + name;

    /// <summary>The node id of a Stage.</summary>
    public static string StageId(string name) => "stage/" + name;

    /// <summary>
    /// One node per Warehouse and Stage (ordered by name); one edge per requested origin and source:
    /// <c>direct</c> gives Warehouse → Stage, <c>stages</c> gives upstream Stage → Stage, each carrying
    /// the origin's name. A source naming a Warehouse or Stage that does not exist gives no edge (the
    /// Stage's drawer reports it; the graph draws what exists). Duplicate edges are merged.
    /// </summary>
    public static PipelineGraph FromResources(
        IReadOnlyList<Warehouse> warehouses,
        IReadOnlyList<Stage> stages,
        Func<Stage, IReadOnlyList<string>> stageLines,
        Func<string, string> warehouseHref,
        Func<string, string> stageHref)
    {
        ArgumentNullException.ThrowIfNull(warehouses);
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(stageLines);
        ArgumentNullException.ThrowIfNull(warehouseHref);
        ArgumentNullException.ThrowIfNull(stageHref);

        var nodes = new List<GraphNode>(warehouses.Count + stages.Count);
        var warehouseNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var warehouse in warehouses.OrderBy(w => w.Name, StringComparer.Ordinal))
        {
            if (!warehouseNames.Add(warehouse.Name))
            {
                continue;
            }
            nodes.Add(new GraphNode(WarehouseId(warehouse.Name), GraphNodeKind.Warehouse, warehouse.Name,
                WarehouseLines(warehouse), WarehouseStatus(warehouse), warehouseHref(warehouse.Name), null));
        }

        var stageNames = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<Stage>(stages.Count);
        foreach (var stage in stages.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            if (stageNames.Add(stage.Name))
            {
                ordered.Add(stage);
            }
        }

        var edges = new List<GraphEdge>();
        var seen = new HashSet<GraphEdge>();
        foreach (var stage in ordered)
        {
            nodes.Add(new GraphNode(StageId(stage.Name), GraphNodeKind.Stage, stage.Name,
                stageLines(stage), StageStatus(stage), stageHref(stage.Name), null));
            foreach (var request in stage.Spec?.RequestedFreight ?? [])
            {
                var origin = request.Origin?.Name;
                if (request.Sources is not { } sources)
                {
                    continue;
                }
                if (sources.Direct && origin is not null && warehouseNames.Contains(origin))
                {
                    AddEdge(new GraphEdge(WarehouseId(origin), StageId(stage.Name), origin));
                }
                foreach (var upstream in sources.Stages ?? [])
                {
                    if (stageNames.Contains(upstream))
                    {
                        AddEdge(new GraphEdge(StageId(upstream), StageId(stage.Name), origin));
                    }
                }
            }
        }
        return new PipelineGraph(nodes, edges);

        void AddEdge(GraphEdge edge)
        {
            if (seen.Add(edge))
            {
                edges.Add(edge);
            }
        }
    }

    private static List<string> WarehouseLines(Warehouse warehouse)
    {
        var lines = new List<string>();
        foreach (var subscription in warehouse.Spec?.Subscriptions ?? [])
        {
            if (subscription.Git?.RepoURL is { } git)
            {
                lines.Add("git " + git);
            }
            else if (subscription.Image?.RepoURL is { } image)
            {
                lines.Add("image " + image);
            }
            else if (subscription.Chart?.RepoURL is { } chart)
            {
                lines.Add("chart " + chart);
            }
        }
        return lines;
    }

    private static string WarehouseStatus(Warehouse warehouse)
    {
        var ready = warehouse.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
        return ready?.Status switch
        {
            "True" => "ready",
            "False" => "not-ready",
            _ => "unknown",
        };
    }

    private static string StageStatus(Stage stage)
    {
        if (stage.Status?.CurrentPromotion is not null)
        {
            return "promoting";
        }
        return stage.Status?.Health?.Status is { Length: > 0 } health ? health.ToLowerInvariant() : "unknown";
    }
}
