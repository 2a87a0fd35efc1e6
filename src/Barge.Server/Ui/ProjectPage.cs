using System.Text;
using Barge.Resources.Model;
using Barge.Server.Auth;
using Barge.Server.Ui.Graph;
using Barge.Storage;

namespace Barge.Server.Ui;

/// <summary>A project: the pipeline graph, Stage cards per origin and the Freight timeline.</summary>
internal static class ProjectPage
{
    public static async Task<string> RenderAsync(IResourceStore store, UiUser user, string project, FreightTimeline.Filter filter, IReadOnlyList<string> expanded, CancellationToken cancellationToken)
    {
        var warehouses = await UiResources.ListAsync<Warehouse>(store, "Warehouse", project, cancellationToken);
        var stages = await UiResources.ListAsync<Stage>(store, "Stage", project, cancellationToken);
        var freight = await UiResources.ListAsync<Freight>(store, "Freight", project, cancellationToken);
        var byName = freight.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var canPromote = user.Caller.Can(project, ProjectRole.Promoter);

        var graph = PipelineGraphs.FromResources(warehouses, stages,
            stage => UiResources.Current(stage).Values
                .Select(r => $"{r.Origin?.Name}: {(r.Name is { } n && byName.TryGetValue(n, out var f) ? f.Alias ?? n : r.Name)}")
                .ToList(),
            warehouse => UiActionRoutes.WarehouseHref(project, warehouse),
            stage => UiRoutes.StageHref(project, stage));
        var layout = GraphLayout.Compute(graph, new GraphLayoutOptions { ExpandedGroups = expanded.ToHashSet(StringComparer.Ordinal) });

        var html = new StringBuilder();
        html.Append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"").Append(UiRoutes.Prefix).Append("\">Projects</a> / ").Append(Html.E(project)).Append("</nav>")
            .Append("<h1>").Append(Html.E(project)).Append("</h1>")
            .Append("<p><a href=\"").Append(UiRoutes.ProjectHref(project)).Append("/history\">History</a></p>");
        if (canPromote)
        {
            html.Append("<div id=\"promote-drop\" hidden data-csrf=\"").Append(Html.E(user.Session.Csrf)).Append("\" data-action=\"")
                .Append(UiRoutes.Prefix).Append("/projects/").Append(Html.U(project)).Append("/stages/{stage}/review\"></div>");
        }
        html.Append("<section aria-labelledby=\"graph-h\"><h2 id=\"graph-h\">Pipeline</h2><div class=\"graph\">").Append(SvgGraph.Render(layout)).Append("</div></section>")
            .Append(StageCards.Render(project, stages, byName))
            .Append(FreightTimeline.Render(project, warehouses.Select(w => w.Name).Order(StringComparer.Ordinal).ToList(), freight,
                stages.Select(s => s.Name).Order(StringComparer.Ordinal).ToList(), filter, canPromote));
        return html.ToString();
    }
}
