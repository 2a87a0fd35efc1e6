using System.Globalization;
using System.Text;
using Barge.Resources.Model;

namespace Barge.Server.Ui;

/// <summary>
/// The Freight timeline: one lane per Warehouse, newest first, <see cref="PageSize"/> Freight per page
/// (only a page is rendered), each marked with the Stages it is in and verified in; filters by origin
/// and by Stage. Freight chips are draggable onto Stage cards to promote.
/// </summary>
internal static class FreightTimeline
{
    public const int PageSize = 25;

    public sealed record Filter(string? Origin, string? Stage, int Page);

    public static string Render(string project, IReadOnlyList<string> warehouses, IReadOnlyList<Freight> freight, IReadOnlyList<string> stageNames, Filter filter, bool canPromote)
    {
        var html = new StringBuilder("<section aria-labelledby=\"timeline-h\"><h2 id=\"timeline-h\">Freight timeline</h2>");
        html.Append("<form class=\"filters\" method=\"get\" action=\"").Append(UiRoutes.ProjectHref(project)).Append("\">")
            .Append(Select("origin", "Origin", warehouses, filter.Origin)).Append(Select("stage", "Stage", stageNames, filter.Stage))
            .Append("<button type=\"submit\">Filter</button></form>");
        if (canPromote)
        {
            html.Append("<p class=\"hint\">Drag a Freight onto a Stage card to promote it.</p>");
        }
        foreach (var warehouse in warehouses.Where(w => filter.Origin is not { Length: > 0 } o || o == w))
        {
            var lane = freight
                .Where(f => f.Origin?.Name == warehouse)
                .Where(f => filter.Stage is not { Length: > 0 } s || (f.Status?.CurrentlyIn?.ContainsKey(s) ?? false) || (f.Status?.VerifiedIn?.ContainsKey(s) ?? false))
                .OrderByDescending(f => f.DiscoveredAt ?? f.Metadata.CreationTimestamp)
                .ThenBy(f => f.Name, StringComparer.Ordinal)
                .ToList();
            var pages = Math.Max(1, (lane.Count + PageSize - 1) / PageSize);
            var page = Math.Clamp(filter.Page, 0, pages - 1);
            html.Append("<div class=\"lane\" id=\"lane-").Append(Html.E(warehouse)).Append("\" role=\"region\" aria-label=\"Warehouse ").Append(Html.E(warehouse))
                .Append(" lane\"><h3>").Append(Html.E(warehouse)).Append(" <small>").Append(lane.Count).Append(" Freight</small></h3><ol class=\"chips\">");
            foreach (var item in lane.Skip(page * PageSize).Take(PageSize))
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
        }
        html.Append("</section>");
        return html.ToString();
    }

    private static string PageLink(string project, string warehouse, Filter filter, int page, string label)
    {
        var query = $"?origin={Html.U(warehouse)}&page={page.ToString(CultureInfo.InvariantCulture)}" + (filter.Stage is { Length: > 0 } s ? "&stage=" + Html.U(s) : "");
        return $"<a href=\"{UiRoutes.ProjectHref(project)}{query}#lane-{Html.E(warehouse)}\">{label}</a>";
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
