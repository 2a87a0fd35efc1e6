using System.Globalization;
using System.Text;
using Barge.Engine.Operations;
using Barge.Storage;

namespace Barge.Server.Ui;

/// <summary>
/// The project's audit trail (the same <see cref="AuditTrail"/> as <c>GET …/history</c> and
/// <c>barge history</c>), newest first, <see cref="PageSize"/> a page, filterable by Stage, origin,
/// actor and time.
/// </summary>
internal static class HistoryPage
{
    public const int PageSize = 50;

    public sealed record Filter(string? Stage, string? Origin, string? Actor, DateTimeOffset? Since, long? Before);

    public static async Task<string> RenderAsync(IResourceStore store, string project, Filter filter, CancellationToken cancellationToken)
    {
        var page = await new AuditTrail(store).QueryAsync(new AuditQuery
        {
            Project = project,
            Stage = filter.Stage,
            Origin = filter.Origin,
            Actor = filter.Actor,
            Since = filter.Since,
            Before = filter.Before,
            Limit = PageSize,
        }, cancellationToken);
        var html = new StringBuilder();
        html.Append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"").Append(UiRoutes.Prefix).Append("\">Projects</a> / <a href=\"")
            .Append(UiRoutes.ProjectHref(project)).Append("\">").Append(Html.E(project)).Append("</a> / History</nav><h1>History</h1>")
            .Append("<form class=\"filters\" method=\"get\" action=\"").Append(UiRoutes.ProjectHref(project)).Append("/history\">")
            .Append(Field("stage", "Stage", filter.Stage)).Append(Field("origin", "Origin", filter.Origin)).Append(Field("actor", "Actor", filter.Actor))
            .Append(Field("since", "Since (RFC 3339)", filter.Since?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)))
            .Append("<button type=\"submit\">Filter</button></form>");
        if (page.Items.Count == 0)
        {
            html.Append("<p>No recorded events match.</p>");
            return html.ToString();
        }
        html.Append("<table class=\"list history\"><thead><tr><th scope=\"col\">Time</th><th scope=\"col\">Type</th><th scope=\"col\">Actor</th><th scope=\"col\">Stage</th>")
            .Append("<th scope=\"col\">Origin</th><th scope=\"col\">Freight</th><th scope=\"col\">Promotion</th><th scope=\"col\">Message</th></tr></thead><tbody>");
        foreach (var entry in page.Items)
        {
            var record = entry.Record;
            html.Append("<tr><td>").Append(Html.Time(entry.Timestamp)).Append("</td><td>").Append(Html.E(record.Type)).Append("</td><td>").Append(Html.E(record.Actor))
                .Append("</td><td>").Append(Html.E(record.Stage)).Append("</td><td>").Append(Html.E(record.Origin)).Append("</td><td>");
            if (record.Freight is { Length: > 0 } freight)
            {
                html.Append("<a href=\"").Append(UiRoutes.FreightHref(project, freight)).Append("\">").Append(Html.E(record.FreightAlias ?? freight)).Append("</a>");
            }
            html.Append("</td><td>");
            if (record.Promotion is { Length: > 0 } promotion)
            {
                html.Append("<a href=\"").Append(UiRoutes.PromotionHref(project, promotion)).Append("\">").Append(Html.E(record.Phase ?? "open")).Append("</a>");
            }
            html.Append("</td><td>").Append(Html.E(record.Message)).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
        if (page.NextBefore is { } before)
        {
            var query = new StringBuilder("?before=").Append(before.ToString(CultureInfo.InvariantCulture));
            foreach (var (name, value) in new[] { ("stage", filter.Stage), ("origin", filter.Origin), ("actor", filter.Actor) })
            {
                if (value is { Length: > 0 })
                {
                    query.Append('&').Append(name).Append('=').Append(Html.U(value));
                }
            }
            html.Append("<nav class=\"pager\" aria-label=\"History pages\"><a href=\"").Append(UiRoutes.ProjectHref(project)).Append("/history").Append(Html.E(query.ToString()))
                .Append("\">Older</a></nav>");
        }
        return html.ToString();
    }

    private static string Field(string name, string label, string? value) =>
        $"<label>{label} <input name=\"{name}\" value=\"{Html.E(value)}\"></label>";
}
