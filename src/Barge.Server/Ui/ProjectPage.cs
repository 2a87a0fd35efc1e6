using System.Globalization;
using System.Text;
using Barge.Resources.Model;
using Barge.Server.Auth;
using Barge.Server.Ui.Graph;
using Barge.Storage;

namespace Barge.Server.Ui;

/// <summary>
/// A project: the pipeline graph, Stage cards per origin and the Freight timeline (a page per lane). The
/// cards and lanes update live (<see cref="ProjectLive"/>) from the store version the page was rendered at.
/// </summary>
internal static class ProjectPage
{
    public static async Task<string> RenderAsync(IResourceStore store, UiUser user, string project, FreightTimeline.Filter filter, IReadOnlyList<string> expanded, CancellationToken cancellationToken)
    {
        // The version first: a change after it reaches the page through the live stream, even one this render already shows.
        var version = await store.GetResourceVersionAsync(cancellationToken);
        var warehouses = await UiResources.ListAsync<Warehouse>(store, "Warehouse", project, cancellationToken);
        var stages = await UiResources.ListAsync<Stage>(store, "Stage", project, cancellationToken);
        var aliases = await UiResources.AliasesAsync(store, project, stages.SelectMany(StageCards.FreightNames), cancellationToken);
        var canPromote = user.Caller.Can(project, ProjectRole.Promoter);

        var graph = PipelineGraphs.FromResources(warehouses, stages,
            stage => UiResources.Current(stage).Values
                .Select(r => $"{r.Origin?.Name}: {(r.Name is { } n ? aliases.GetValueOrDefault(n) ?? n : r.Name)}")
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
        html.Append("<div data-live=\"").Append(Html.E(LiveHref(project, filter, version))).Append("\" data-live-replace-only>")
            .Append("<section aria-labelledby=\"graph-h\"><h2 id=\"graph-h\">Pipeline</h2><div class=\"graph\">").Append(SvgGraph.Render(layout)).Append("</div></section>")
            .Append(StageCards.Render(project, stages, aliases))
            .Append(await FreightTimeline.RenderAsync(store, project, warehouses.Select(w => w.Name).Order(StringComparer.Ordinal).ToList(),
                stages.Select(s => s.Name).Order(StringComparer.Ordinal).ToList(), filter, canPromote, cancellationToken))
            .Append("</div>");
        return html.ToString();
    }

    /// <summary>The page's live stream: the filter (so lanes render the page shown) and the version it was rendered at.</summary>
    public static string LiveHref(string project, FreightTimeline.Filter filter, long version)
    {
        var query = new List<string> { "since=" + version.ToString(CultureInfo.InvariantCulture) };
        if (filter.Origin is { Length: > 0 } origin)
        {
            query.Add("origin=" + Uri.EscapeDataString(origin));
        }
        if (filter.Stage is { Length: > 0 } stage)
        {
            query.Add("stage=" + Uri.EscapeDataString(stage));
        }
        if (filter.Page > 0)
        {
            query.Add("page=" + filter.Page.ToString(CultureInfo.InvariantCulture));
        }
        return UiRoutes.ProjectHref(project) + "/live?" + string.Join('&', query);
    }
}
