using System.Text;
using Barge.Resources.Model;
using Barge.Server.Auth;

namespace Barge.Server.Ui;

/// <summary>
/// One Warehouse: its subscriptions (repository URLs, selection strategies, constraints and filters), the
/// last discovery (time, the controller's conditions with their errors), what the discovery found (the
/// status's commits, image tags and chart versions), the Freight it produced newest first, and — for
/// promoters — a Refresh button (the API's refresh of the same resource).
/// </summary>
internal static class WarehousePage
{
    public const int FreightShown = 20;

    public const int ArtifactsShown = 10;

    /// <param name="freight">The Warehouse's newest Freight first (at most <see cref="FreightShown"/> are shown).</param>
    /// <param name="total">How many Freight the Warehouse has produced.</param>
    public static string Render(UiUser user, string project, Warehouse warehouse, IReadOnlyList<Freight> freight, int total, string? notice)
    {
        var html = new StringBuilder();
        html.Append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"").Append(UiRoutes.Prefix).Append("\">Projects</a> / <a href=\"")
            .Append(UiRoutes.ProjectHref(project)).Append("\">").Append(Html.E(project)).Append("</a> / Warehouse</nav>")
            .Append("<h1>Warehouse ").Append(Html.E(warehouse.Name)).Append("</h1>");
        if (notice is not null)
        {
            html.Append("<p class=\"notice\" role=\"status\">").Append(Html.E(notice)).Append("</p>");
        }
        if (user.Caller.Can(project, ProjectRole.Promoter))
        {
            html.Append("<form method=\"post\" action=\"").Append(UiActionRoutes.WarehouseHref(project, warehouse.Name)).Append("/refresh\">").Append(Html.Csrf(user.Session))
                .Append("<button type=\"submit\" aria-label=\"Refresh Warehouse ").Append(Html.E(warehouse.Name)).Append("\">Refresh</button></form>");
        }
        var spec = warehouse.Spec;
        var status = warehouse.Status;
        html.Append("<dl class=\"facts\"><dt>Interval</dt><dd>").Append(Html.E(spec?.Interval ?? "5m0s (default)"))
            .Append("</dd><dt>Freight creation</dt><dd>").Append(Html.E(spec?.FreightCreationPolicy?.ToString() ?? "Automatic"))
            .Append(spec?.FreightCreationCriteria?.Expression is { Length: > 0 } criteria ? " when <code>" + Html.E(criteria) + "</code>" : "")
            .Append("</dd><dt>Last discovery</dt><dd>").Append(Html.Time(status?.DiscoveredArtifacts?.DiscoveredAt))
            .Append("</dd><dt>Last refresh handled</dt><dd>").Append(Html.E(status?.LastHandledRefresh ?? "—"))
            .Append("</dd><dt>Last Freight</dt><dd>").Append(FreightLink(project, status?.LastFreightID, freight)).Append("</dd></dl>");
        AppendSubscriptions(html, spec?.Subscriptions ?? []);
        AppendConditions(html, status?.Conditions ?? []);
        AppendDiscovered(html, status?.DiscoveredArtifacts);
        AppendFreight(html, project, warehouse.Name, freight, total);
        return html.ToString();
    }

    private static void AppendSubscriptions(StringBuilder html, List<RepoSubscription> subscriptions)
    {
        html.Append("<h2>Subscriptions</h2>");
        if (subscriptions.Count == 0)
        {
            html.Append("<p>No subscriptions.</p>");
            return;
        }
        html.Append("<table class=\"list\"><thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Repository</th><th scope=\"col\">Selection</th></tr></thead><tbody>");
        foreach (var subscription in subscriptions)
        {
            var (kind, url, rules) = Describe(subscription);
            html.Append("<tr><td>").Append(Html.E(kind)).Append("</td><th scope=\"row\"><code>").Append(Html.E(url)).Append("</code></th><td>")
                .Append(rules.Count == 0 ? "—" : string.Join("; ", rules.Select(Html.E))).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    private static (string Kind, string? Url, IReadOnlyList<string> Rules) Describe(RepoSubscription subscription)
    {
        var rules = new List<string>();
        void Add(string name, object? value)
        {
            switch (value)
            {
                case null:
                case string { Length: 0 }:
                case System.Collections.ICollection { Count: 0 }:
                    return;
                case IEnumerable<string> list:
                    rules.Add(name + " " + string.Join(", ", list));
                    return;
                case DateTimeOffset at:
                    rules.Add(name + " " + Html.Time(at));
                    return;
                default:
                    rules.Add(name + " " + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    return;
            }
        }
        if (subscription.Git is { } git)
        {
            Add("strategy", git.CommitSelectionStrategy?.ToString() ?? "NewestFromBranch");
            Add("branch", git.Branch);
            Add("semver constraint", git.SemverConstraint);
            Add("allow tags", git.AllowTags);
            Add("allow tags", git.AllowTagsRegexes);
            Add("ignore tags", git.IgnoreTags);
            Add("ignore tags", git.IgnoreTagsRegexes);
            Add("include paths", git.IncludePaths);
            Add("exclude paths", git.ExcludePaths);
            Add("expression", git.ExpressionFilter);
            Add("discovery limit", git.DiscoveryLimit);
            Add("since", git.Since);
            return ("git", git.RepoURL, rules);
        }
        if (subscription.Image is { } image)
        {
            Add("strategy", image.ImageSelectionStrategy?.ToString() ?? "SemVer");
            Add("constraint", image.Constraint);
            Add("allow tags", image.AllowTags);
            Add("allow tags", image.AllowTagsRegexes);
            Add("ignore tags", image.IgnoreTags);
            Add("ignore tags", image.IgnoreTagsRegexes);
            Add("platform", image.Platform);
            Add("discovery limit", image.DiscoveryLimit);
            return ("image", image.RepoURL, rules);
        }
        if (subscription.Chart is { } chart)
        {
            Add("chart", chart.Name);
            Add("semver constraint", chart.SemverConstraint);
            Add("discovery limit", chart.DiscoveryLimit);
            return ("chart", chart.RepoURL, rules);
        }
        var custom = subscription.Custom?.Keys.FirstOrDefault() ?? "unknown";
        return (custom, subscription.Name, rules);
    }

    private static void AppendConditions(StringBuilder html, List<Condition> conditions)
    {
        html.Append("<h2>Conditions</h2>");
        if (conditions.Count == 0)
        {
            html.Append("<p>The Warehouse has not been reconciled yet.</p>");
            return;
        }
        html.Append("<table class=\"list\"><thead><tr><th scope=\"col\">Type</th><th scope=\"col\">Status</th><th scope=\"col\">Reason</th><th scope=\"col\">Message</th><th scope=\"col\">Since</th></tr></thead><tbody>");
        foreach (var condition in conditions)
        {
            var failing = condition.Status == "False" && condition.Type is "Ready" or "Healthy";
            html.Append("<tr").Append(failing ? " class=\"error\"" : "").Append("><th scope=\"row\">").Append(Html.E(condition.Type)).Append("</th><td>").Append(Html.E(condition.Status))
                .Append("</td><td>").Append(Html.E(condition.Reason)).Append("</td><td>").Append(Html.E(condition.Message)).Append("</td><td>")
                .Append(Html.Time(condition.LastTransitionTime)).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    private static void AppendDiscovered(StringBuilder html, DiscoveredArtifacts? discovered)
    {
        html.Append("<h2>Discovered artifacts</h2>");
        if (discovered is null)
        {
            html.Append("<p>Nothing discovered yet.</p>");
            return;
        }
        html.Append("<ul class=\"artifacts\">");
        foreach (var git in discovered.Git ?? [])
        {
            html.Append("<li>git <code>").Append(Html.E(git.RepoURL)).Append("</code><ul>");
            foreach (var commit in (git.Commits ?? []).Take(ArtifactsShown))
            {
                html.Append("<li><code>").Append(Html.E(commit.Id is { Length: > 7 } id ? id[..7] : commit.Id)).Append("</code> ")
                    .Append(Html.E(commit.Tag ?? commit.Branch)).Append(' ').Append(Html.E(commit.Subject)).Append(' ').Append(Html.Time(commit.CreatorDate)).Append("</li>");
            }
            html.Append(More(git.Commits?.Count ?? 0)).Append("</ul></li>");
        }
        foreach (var image in discovered.Images ?? [])
        {
            html.Append("<li>image <code>").Append(Html.E(image.RepoURL)).Append("</code>").Append(image.Platform is { Length: > 0 } p ? " " + Html.E(p) : "").Append("<ul>");
            foreach (var reference in (image.References ?? []).Take(ArtifactsShown))
            {
                html.Append("<li>").Append(Html.E(reference.Tag)).Append(" <code>").Append(Html.E(reference.Digest)).Append("</code> ").Append(Html.Time(reference.CreatedAt)).Append("</li>");
            }
            html.Append(More(image.References?.Count ?? 0)).Append("</ul></li>");
        }
        foreach (var chart in discovered.Charts ?? [])
        {
            html.Append("<li>chart <code>").Append(Html.E(chart.RepoURL)).Append("</code> ").Append(Html.E(chart.Name)).Append("<ul>");
            foreach (var version in (chart.Versions ?? []).Take(ArtifactsShown))
            {
                html.Append("<li>").Append(Html.E(version)).Append("</li>");
            }
            html.Append(More(chart.Versions?.Count ?? 0)).Append("</ul></li>");
        }
        html.Append("</ul>");
    }

    private static string More(int count) =>
        count > ArtifactsShown ? $"<li class=\"hint\">and {count - ArtifactsShown} more</li>" : count == 0 ? "<li class=\"hint\">none</li>" : "";

    private static void AppendFreight(StringBuilder html, string project, string warehouse, IReadOnlyList<Freight> freight, int total)
    {
        html.Append("<h2>Freight</h2>");
        if (freight.Count == 0)
        {
            html.Append("<p>This Warehouse has produced no Freight yet.</p>");
            return;
        }
        html.Append("<table class=\"list\"><thead><tr><th scope=\"col\">Freight</th><th scope=\"col\">Versions</th><th scope=\"col\">Discovered</th><th scope=\"col\">In</th></tr></thead><tbody>");
        foreach (var item in freight.Take(FreightShown))
        {
            html.Append("<tr><th scope=\"row\"><a href=\"").Append(UiRoutes.FreightHref(project, item.Name)).Append("\">").Append(Html.E(item.Alias ?? item.Name)).Append("</a></th><td>")
                .Append(Html.E(UiResources.Versions(item.Images, item.Commits, item.Charts))).Append("</td><td>").Append(Html.Time(item.DiscoveredAt ?? item.Metadata.CreationTimestamp))
                .Append("</td><td>").Append(Html.E(string.Join(", ", (item.Status?.CurrentlyIn?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal)))).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
        if (total > FreightShown)
        {
            html.Append("<p class=\"hint\">").Append(total - FreightShown).Append(" older Freight: see the <a href=\"").Append(UiRoutes.ProjectHref(project))
                .Append("?origin=").Append(Html.U(warehouse)).Append("#timeline-h\">timeline</a>.</p>");
        }
    }

    private static string FreightLink(string project, string? name, IReadOnlyList<Freight> freight)
    {
        if (name is not { Length: > 0 })
        {
            return "—";
        }
        var alias = freight.FirstOrDefault(f => f.Name == name)?.Alias;
        return $"<a href=\"{UiRoutes.FreightHref(project, name)}\">{Html.E(alias ?? name)}</a>";
    }
}
