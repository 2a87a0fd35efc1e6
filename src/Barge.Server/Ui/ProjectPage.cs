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
    /// <summary>The page, or the error text of a request it cannot serve (a card page past the last page).</summary>
    public static async Task<(string? Html, string? Error)> RenderAsync(IResourceStore store, UiUser user, string project, FreightTimeline.Filter filter, StageCards.CardFilter cards, IReadOnlyList<string> expanded, CancellationToken cancellationToken)
    {
        // The version first: a change after it reaches the page through the live stream, even one this render already shows.
        var version = await store.GetResourceVersionAsync(cancellationToken);
        var warehouses = await UiResources.ListAsync<Warehouse>(store, "Warehouse", project, cancellationToken);
        var stages = await UiResources.ListAsync<Stage>(store, "Stage", project, cancellationToken);
        if (StageCards.Select(stages, cards) is not { } cardPage)
        {
            var matching = stages.Count(s => cards.Name is not { Length: > 0 } n || s.Name.Contains(n, StringComparison.OrdinalIgnoreCase));
            return (null, $"project {project}: Stage card page {cards.Page} does not exist; pages run from 1 to {Math.Max(1, (matching + StageCards.PageSize - 1) / StageCards.PageSize)} ({matching} Stages{(cards.Name is { Length: > 0 } name ? $" matching \"{name}\"" : "")})");
        }
        var lanes = await FreightTimeline.ReadPagesAsync(store, project, filter, cancellationToken);
        var aliases = await AliasesAsync(store, project, stages, lanes, cancellationToken);
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
        var state = Query(filter, cards.Name, expanded);
        html.Append("<div data-live=\"").Append(Html.E(LiveHref(project, filter, cardPage.Range(cards.Name), version))).Append("\" data-live-replace-only>")
            .Append("<section aria-labelledby=\"graph-h\"><h2 id=\"graph-h\">Pipeline</h2><div class=\"graph\">").Append(SvgGraph.Render(layout)).Append("</div></section>")
            .Append(StageCards.RenderPage(project, cardPage, cards, aliases,
                page => Html.E(UiRoutes.ProjectHref(project) + "?" + string.Join('&', state.Append("cards=" + page.ToString(CultureInfo.InvariantCulture)))) + "#stages-h",
                UiRoutes.ProjectHref(project), Hidden(filter)))
            .Append(await FreightTimeline.RenderAsync(store, project, warehouses.Select(w => w.Name).Order(StringComparer.Ordinal).ToList(),
                stages.Select(s => s.Name).Order(StringComparer.Ordinal).ToList(), filter, canPromote, lanes, cancellationToken))
            .Append("</div>");
        return (html.ToString(), null);
    }

    /// <summary>
    /// The aliases of the Freight the Stages hold: taken from the lanes' pages already read (the newest Freight
    /// per origin, where most current Freight are), the rest read by name.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, string?>> AliasesAsync(IResourceStore store, string project, IReadOnlyList<Stage> stages, IReadOnlyDictionary<string, ResourcePage>? lanes, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var item in lanes?.Values.SelectMany(p => p.Items) ?? [])
        {
            known[item.Key.Name] = item.Spec.ValueKind == System.Text.Json.JsonValueKind.Object
                && item.Spec.TryGetProperty("alias", out var alias) && alias.ValueKind == System.Text.Json.JsonValueKind.String
                ? alias.GetString()
                : null;
        }
        var missing = stages.SelectMany(StageCards.FreightNames).Where(n => !known.ContainsKey(n)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (name, alias) in await UiResources.AliasesAsync(store, project, missing, cancellationToken))
        {
            known[name] = alias;
        }
        return known;
    }

    /// <summary>The page's query without the card page number (the pager adds it).</summary>
    private static IEnumerable<string> Query(FreightTimeline.Filter filter, string? name, IReadOnlyList<string> expanded)
    {
        foreach (var (key, value) in Hidden(filter))
        {
            yield return key + "=" + Uri.EscapeDataString(value);
        }
        foreach (var group in expanded)
        {
            yield return "expand=" + Uri.EscapeDataString(group);
        }
        if (name is { Length: > 0 })
        {
            yield return "q=" + Uri.EscapeDataString(name);
        }
    }

    /// <summary>The timeline's filter as hidden fields of the Stage-name form (so finding a Stage keeps the lanes shown).</summary>
    private static Dictionary<string, string> Hidden(FreightTimeline.Filter filter)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (filter.Origin is { Length: > 0 } origin)
        {
            fields["origin"] = origin;
        }
        if (filter.Stage is { Length: > 0 } stage)
        {
            fields["stage"] = stage;
        }
        if (filter.Page > 0)
        {
            fields["page"] = filter.Page.ToString(CultureInfo.InvariantCulture);
        }
        return fields;
    }

    /// <summary>The page's live stream: the filter (so lanes render the page shown) and the version it was rendered at.</summary>
    public static string LiveHref(string project, FreightTimeline.Filter filter, StageCards.CardRange cards, long version)
    {
        var query = new List<string> { "since=" + version.ToString(CultureInfo.InvariantCulture) };
        if (cards.Name is { Length: > 0 } name)
        {
            query.Add("q=" + Uri.EscapeDataString(name));
        }
        if (cards.First is { } first)
        {
            query.Add("cfirst=" + Uri.EscapeDataString(first));
        }
        if (cards.Last is { } last)
        {
            query.Add("clast=" + Uri.EscapeDataString(last));
        }
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
