using System.Globalization;
using System.Text;
using Barge.Resources.Model;
using Barge.Storage;
using Barge.Storage.Selection;

namespace Barge.Server.Ui;

/// <summary>
/// The Freight timeline: one lane per Warehouse, newest first (the store's creation order), <see cref="PageSize"/>
/// Freight per page read from the store a page at a time (every lane in one grouped read,
/// <see cref="IResourceStore.ListGroupPagesAsync"/>; one lane with <see cref="IResourceStore.ListPageAsync"/>), each
/// marked with the Stages it is in and verified in; filters by origin and by Stage (a Stage filter reads the
/// lane's Freight and filters them, since "in or verified in" is an OR the store's filters do not express).
/// Freight chips are draggable onto Stage cards to promote. Each lane is a live fragment (<see cref="LaneId"/>).
/// </summary>
internal static class FreightTimeline
{
    public const int PageSize = 25;

    public sealed record Filter(string? Origin, string? Stage, int Page);

    private static readonly IReadOnlyList<string> OriginPath = ["origin", "name"];

    public static string LaneId(string warehouse) => "lane-" + warehouse;

    /// <summary>Every lane's page in one grouped read when the filter shows every lane unfiltered; else null (each lane reads its own).</summary>
    public static async Task<IReadOnlyDictionary<string, ResourcePage>?> ReadPagesAsync(IResourceStore store, string project, Filter filter, CancellationToken cancellationToken) =>
        filter.Origin is not { Length: > 0 } && filter.Stage is not { Length: > 0 }
            ? await store.ListGroupPagesAsync(ResourceQuery.OfKind("Freight", project), OriginPath, Math.Max(0, filter.Page) * PageSize, PageSize, cancellationToken)
            : null;

    public static async Task<string> RenderAsync(IResourceStore store, string project, IReadOnlyList<string> warehouses, IReadOnlyList<string> stageNames, Filter filter, bool canPromote, CancellationToken cancellationToken) =>
        await RenderAsync(store, project, warehouses, stageNames, filter, canPromote, await ReadPagesAsync(store, project, filter, cancellationToken), cancellationToken);

    /// <param name="pages">The lanes' pages from <see cref="ReadPagesAsync"/>; a lane missing from them reads its own.</param>
    public static async Task<string> RenderAsync(IResourceStore store, string project, IReadOnlyList<string> warehouses, IReadOnlyList<string> stageNames, Filter filter, bool canPromote, IReadOnlyDictionary<string, ResourcePage>? pages, CancellationToken cancellationToken)
    {
        var html = new StringBuilder("<section aria-labelledby=\"timeline-h\"><h2 id=\"timeline-h\">Freight timeline</h2>");
        html.Append("<form class=\"filters\" method=\"get\" action=\"").Append(UiRoutes.ProjectHref(project)).Append("\">")
            .Append(Select("origin", "Origin", warehouses, filter.Origin)).Append(Select("stage", "Stage", stageNames, filter.Stage))
            .Append("<button type=\"submit\">Filter</button></form>");
        if (canPromote)
        {
            html.Append("<p class=\"hint\">Drag a Freight onto a Stage card to promote it.</p>");
        }
        foreach (var warehouse in warehouses.Where(w => Shows(filter, w)))
        {
            html.Append(pages is not null && pages.TryGetValue(warehouse, out var page)
                ? Lane(project, warehouse, page.Items.Select(UiResources.As<Freight>).ToList(), page.Total, Math.Max(0, filter.Page), filter, canPromote)
                : await LaneAsync(store, project, warehouse, filter, canPromote, cancellationToken));
        }
        html.Append("</section>");
        return html.ToString();
    }

    /// <summary>Whether the filter shows the Warehouse's lane.</summary>
    public static bool Shows(Filter filter, string warehouse) => filter.Origin is not { Length: > 0 } o || o == warehouse;

    /// <summary>One lane: the filter's page of the Warehouse's Freight.</summary>
    public static async Task<string> LaneAsync(IResourceStore store, string project, string warehouse, Filter filter, bool canPromote, CancellationToken cancellationToken)
    {
        var (items, total, page) = await ReadLaneAsync(store, project, warehouse, filter, cancellationToken);
        return Lane(project, warehouse, items, total, page, filter, canPromote);
    }

    private static string Lane(string project, string warehouse, IReadOnlyList<Freight> items, int total, int page, Filter filter, bool canPromote)
    {
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var html = new StringBuilder();
        html.Append("<div class=\"lane\" id=\"").Append(Html.E(LaneId(warehouse))).Append("\" role=\"region\" aria-label=\"Warehouse ").Append(Html.E(warehouse))
            .Append(" lane\"><h3>").Append(Html.E(warehouse)).Append(" <small>").Append(total).Append(" Freight</small></h3><ol class=\"chips\">");
        foreach (var item in items)
        {
            html.Append("<li class=\"chip\" data-freight=\"").Append(Html.E(item.Name)).Append('"').Append(canPromote ? " draggable=\"true\"" : "")
                .Append("><a href=\"").Append(UiRoutes.FreightHref(project, item.Name)).Append("\">").Append(Html.E(item.Alias ?? item.Name)).Append("</a>")
                .Append("<span class=\"versions\">").Append(Html.E(UiResources.Versions(item.Images, item.Commits, item.Charts))).Append("</span>");
            foreach (var stage in (item.Status?.CurrentlyIn?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal))
            {
                html.Append("<span class=\"mark in\" title=\"in ").Append(Html.E(stage)).Append("\">in ").Append(Html.E(stage)).Append("</span>");
            }
            foreach (var stage in (item.Status?.VerifiedIn?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal))
            {
                html.Append("<span class=\"mark verified\" title=\"verified in ").Append(Html.E(stage)).Append("\">✓ ").Append(Html.E(stage)).Append("</span>");
            }
            html.Append("</li>");
        }
        html.Append("</ol>");
        if (pages > 1)
        {
            html.Append("<nav class=\"pager\" aria-label=\"").Append(Html.E(warehouse)).Append(" pages\">");
            if (page > 0)
            {
                html.Append(PageLink(project, warehouse, filter, page - 1, "Newer"));
            }
            html.Append("<span>page ").Append(page + 1).Append(" of ").Append(pages).Append("</span>");
            if (page < pages - 1)
            {
                html.Append(PageLink(project, warehouse, filter, page + 1, "Older"));
            }
            html.Append("</nav>");
        }
        html.Append("</div>");
        return html.ToString();
    }

    private static async Task<(IReadOnlyList<Freight> Items, int Total, int Page)> ReadLaneAsync(IResourceStore store, string project, string warehouse, Filter filter, CancellationToken cancellationToken)
    {
        var query = ResourceQuery.OfKind("Freight", project) with { Fields = [FieldFilter.Equal(FieldRoot.Spec, OriginPath, warehouse)] };
        var requested = Math.Max(0, filter.Page);
        if (filter.Stage is { Length: > 0 } stage)
        {
            var lane = (await store.ListAsync(query, cancellationToken)).Items
                .OrderByDescending(r => r.CreationTimestamp).ThenBy(r => r.Key.Name, StringComparer.Ordinal)
                .Select(UiResources.As<Freight>)
                .Where(f => (f.Status?.CurrentlyIn?.ContainsKey(stage) ?? false) || (f.Status?.VerifiedIn?.ContainsKey(stage) ?? false))
                .ToList();
            var page = Math.Clamp(requested, 0, Math.Max(0, (lane.Count - 1) / PageSize));
            return (lane.Skip(page * PageSize).Take(PageSize).ToList(), lane.Count, page);
        }
        var read = await store.ListPageAsync(query, requested * PageSize, PageSize, cancellationToken);
        if (read.Items.Count == 0 && read.Total > 0)
        {
            // Past the end (the lane shrank, or a hand-made page number): show the last page.
            var last = (read.Total - 1) / PageSize;
            read = await store.ListPageAsync(query, last * PageSize, PageSize, cancellationToken);
            requested = last;
        }
        return (read.Items.Select(UiResources.As<Freight>).ToList(), read.Total, requested);
    }

    private static string PageLink(string project, string warehouse, Filter filter, int page, string label)
    {
        var query = $"?origin={Html.U(warehouse)}&page={page.ToString(CultureInfo.InvariantCulture)}" + (filter.Stage is { Length: > 0 } s ? "&stage=" + Html.U(s) : "");
        return $"<a href=\"{UiRoutes.ProjectHref(project)}{query}#{Html.E(LaneId(warehouse))}\">{label}</a>";
    }

    private static string Select(string name, string label, IReadOnlyList<string> options, string? selected)
    {
        var html = new StringBuilder($"<label>{label} <select name=\"{name}\"><option value=\"\">all</option>");
        foreach (var option in options)
        {
            html.Append("<option").Append(option == selected ? " selected" : "").Append('>').Append(Html.E(option)).Append("</option>");
        }
        return html.Append("</select></label>").ToString();
    }
}
