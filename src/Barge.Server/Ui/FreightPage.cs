using System.Text;
using Barge.Resources.Model;
using Barge.Server.Auth;
using Barge.Storage;

namespace Barge.Server.Ui;

/// <summary>
/// One Freight: origin, alias, artifacts (linked when the URL is a web address), status per Stage, and —
/// for promoters — promote to each Stage that requests its origin, promote downstream from a Stage it is
/// verified in, and approve for a Stage.
/// </summary>
internal static class FreightPage
{
    public static async Task<string> RenderAsync(IResourceStore store, UiUser user, string project, Freight freight, string? notice, CancellationToken cancellationToken)
    {
        var stages = await UiResources.ListAsync<Stage>(store, "Stage", project, cancellationToken);
        var origin = freight.Origin?.Name ?? "";
        var requesting = stages.Where(s => UiResources.Origins(s).Contains(origin)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var canPromote = user.Caller.Can(project, ProjectRole.Promoter);
        var html = new StringBuilder();
        html.Append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"").Append(UiRoutes.Prefix).Append("\">Projects</a> / <a href=\"")
            .Append(UiRoutes.ProjectHref(project)).Append("\">").Append(Html.E(project)).Append("</a> / Freight</nav>")
            .Append("<h1>Freight ").Append(Html.E(freight.Alias ?? freight.Name)).Append("</h1>");
        if (notice is not null)
        {
            html.Append("<p class=\"notice\" role=\"status\">").Append(Html.E(notice)).Append("</p>");
        }
        html.Append("<dl class=\"facts\"><dt>Name</dt><dd>").Append(Html.E(freight.Name)).Append("</dd><dt>Alias</dt><dd>").Append(Html.E(freight.Alias ?? "—"))
            .Append("</dd><dt>Origin</dt><dd>").Append(freight.Origin?.Name is { Length: > 0 } warehouse ? $"<a href=\"{UiActionRoutes.WarehouseHref(project, warehouse)}\">{Html.E(freight.Origin.ToString())}</a>" : Html.E(freight.Origin?.ToString())).Append("</dd><dt>Discovered</dt><dd>").Append(Html.Time(freight.DiscoveredAt)).Append("</dd></dl>");
        html.Append("<h2>Artifacts</h2><ul class=\"artifacts\">");
        foreach (var image in freight.Images ?? [])
        {
            html.Append("<li>image ").Append(Link(image.RepoURL)).Append(':').Append(Html.E(image.Tag)).Append(" <code>").Append(Html.E(image.Digest)).Append("</code></li>");
        }
        foreach (var commit in freight.Commits ?? [])
        {
            html.Append("<li>commit ").Append(Link(commit.RepoURL)).Append(" <code>").Append(Html.E(commit.Id)).Append("</code> ").Append(Html.E(commit.Tag ?? commit.Branch))
                .Append(' ').Append(Html.E(commit.Message)).Append("</li>");
        }
        foreach (var chart in freight.Charts ?? [])
        {
            html.Append("<li>chart ").Append(Link(chart.RepoURL)).Append(' ').Append(Html.E(chart.Name)).Append(' ').Append(Html.E(chart.Version)).Append("</li>");
        }
        html.Append("</ul><h2>Stages</h2><table class=\"list\"><thead><tr><th scope=\"col\">Stage</th><th scope=\"col\">In</th><th scope=\"col\">Verified</th><th scope=\"col\">Approved</th>")
            .Append(canPromote ? "<th scope=\"col\">Actions</th>" : "").Append("</tr></thead><tbody>");
        foreach (var stage in requesting)
        {
            var name = stage.Name;
            var status = freight.Status;
            html.Append("<tr><th scope=\"row\">").Append(Html.E(name)).Append("</th><td>").Append(status?.CurrentlyIn?.TryGetValue(name, out var c) ?? false ? "since " + Html.Time(c.Since) : "—")
                .Append("</td><td>").Append(status?.VerifiedIn?.TryGetValue(name, out var v) ?? false ? Html.Time(v.VerifiedAt) : "—")
                .Append("</td><td>").Append(status?.ApprovedFor?.ContainsKey(name) ?? false ? "yes" : "—").Append("</td>");
            if (canPromote)
            {
                html.Append("<td class=\"actions\">").Append(PromotionReview.Button(project, name, freight.Name, "Promote to " + name, "Promote to " + name));
                if ((status?.VerifiedIn?.ContainsKey(name) ?? false) && requesting.Any(s => IsDownstreamOf(s, origin, name)))
                {
                    html.Append("<form method=\"post\" action=\"").Append(UiRoutes.FreightHref(project, freight.Name)).Append("/downstream\">").Append(Html.Csrf(user.Session))
                        .Append("<input type=\"hidden\" name=\"stage\" value=\"").Append(Html.E(name)).Append("\">")
                        .Append("<button type=\"submit\" aria-label=\"Promote downstream from ").Append(Html.E(name)).Append("\">Promote downstream</button></form>");
                }
                html.Append("<form method=\"post\" action=\"").Append(UiRoutes.FreightHref(project, freight.Name)).Append("/approve\">").Append(Html.Csrf(user.Session))
                    .Append("<input type=\"hidden\" name=\"stage\" value=\"").Append(Html.E(name)).Append("\">")
                    .Append("<button type=\"submit\" aria-label=\"Approve for ").Append(Html.E(name)).Append("\">Approve</button></form></td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        return html.ToString();
    }

    /// <summary>Whether <paramref name="stage"/> takes Freight of <paramref name="origin"/> from <paramref name="upstream"/> (as <c>DownstreamPromotion</c> selects).</summary>
    private static bool IsDownstreamOf(Stage stage, string origin, string upstream) =>
        (stage.Spec?.RequestedFreight ?? []).Any(r => r.Origin?.Name == origin && (r.Sources?.Stages ?? []).Contains(upstream));

    private static string Link(string? url) =>
        url is { } u && Uri.TryCreate(u, UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http"
            ? $"<a href=\"{Html.E(u)}\" rel=\"noreferrer\">{Html.E(u)}</a>"
            : Html.E(url);
}
