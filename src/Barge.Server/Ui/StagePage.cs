using System.Text;
using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Barge.Server.Api;
using Barge.Server.Auth;
using Barge.Storage;

namespace Barge.Server.Ui;

/// <summary>
/// One Stage (the Stage drawer): current Freight per origin; the Freight available to it and, for the
/// rest of its requested origins' Freight, why not (the engine's <see cref="FreightAvailability"/>
/// verdicts, as <c>barge get freight --stage -o wide</c>); its promotion queue and history and its
/// verification history (<see cref="StageHistorySections"/>); its promotion template. Promoters get
/// Refresh, Reverify and a Promote button per available Freight that leads to the review page.
/// </summary>
internal static class StagePage
{
    public const int FreightShown = 50;

    public static async Task<ApiOutcome<string>> RenderAsync(
        IResourceStore store, ResourceReads reads, TimeProvider time, UiUser user, string project, string name, string? notice, CancellationToken cancellationToken)
    {
        var stored = await reads.GetAsync(new ResourceKey("Stage", project, name), cancellationToken);
        if (!stored.Succeeded)
        {
            return stored.Error;
        }
        var stage = UiResources.As<Stage>(stored.Value);
        var origins = UiResources.Origins(stage);
        var freight = (await UiResources.ListAsync<Freight>(store, "Freight", project, cancellationToken)).ToDictionary(f => f.Name, StringComparer.Ordinal);
        var availability = new FreightAvailability(time);
        var verdicts = freight.Values
            .Where(f => origins.Contains(f.Origin?.Name ?? ""))
            .OrderByDescending(f => f.DiscoveredAt ?? f.Metadata.CreationTimestamp).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => (Freight: f, Verdict: availability.EvaluateForList(stage, f)))
            .ToList();
        var promotions = (await reads.ListPromotionsAsync(project, name, cancellationToken)).Items.Select(UiResources.As<Promotion>).ToList();
        var canPromote = user.Caller.Can(project, ProjectRole.Promoter);

        var html = new StringBuilder();
        html.Append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"").Append(UiRoutes.Prefix).Append("\">Projects</a> / <a href=\"")
            .Append(UiRoutes.ProjectHref(project)).Append("\">").Append(Html.E(project)).Append("</a> / Stage</nav><h1>Stage ").Append(Html.E(name)).Append("</h1>");
        if (notice is not null)
        {
            html.Append("<p class=\"notice\" role=\"status\">").Append(Html.E(notice)).Append("</p>");
        }
        if (canPromote)
        {
            var stageHref = UiRoutes.StageHref(project, name);
            html.Append("<div class=\"toolbar\"><form method=\"post\" action=\"").Append(stageHref).Append("/refresh\">").Append(Html.Csrf(user.Session))
                .Append("<button type=\"submit\" aria-label=\"Refresh Stage ").Append(Html.E(name)).Append("\">Refresh</button></form>")
                .Append("<form method=\"post\" action=\"").Append(stageHref).Append("/reverify\">").Append(Html.Csrf(user.Session))
                .Append("<button type=\"submit\" aria-label=\"Reverify Stage ").Append(Html.E(name)).Append("\">Reverify</button></form></div>");
        }
        html.Append(StageCards.Render(project, [stage], freight).Replace("<h2 id=\"stages-h\">Stages</h2>", "<h2 id=\"stages-h\">Current</h2>", StringComparison.Ordinal));
        AppendAvailable(html, user, project, name, verdicts.Where(v => v.Verdict.IsAvailable).Select(v => v.Freight).ToList(), canPromote);
        AppendUnavailable(html, project, verdicts.Where(v => !v.Verdict.IsAvailable).ToList());
        StageHistorySections.AppendPromotions(html, project, promotions);
        StageHistorySections.AppendVerifications(html, project, stage, freight);
        html.Append("<h2>Promotion template</h2><ol class=\"template\">");
        foreach (var step in stage.Spec?.PromotionTemplate?.Spec?.Steps ?? [])
        {
            html.Append("<li>").Append(Html.E(step.Uses ?? "task " + step.Task?.Name)).Append(step.As is { } alias ? " as " + Html.E(alias) : "").Append("</li>");
        }
        html.Append("</ol>");
        return html.ToString();
    }

    private static void AppendAvailable(StringBuilder html, UiUser user, string project, string stage, List<Freight> available, bool canPromote)
    {
        html.Append("<h2>Available Freight</h2>");
        if (available.Count == 0)
        {
            html.Append("<p>No Freight is available to this Stage.</p>");
            return;
        }
        html.Append("<table class=\"list\"><thead><tr><th scope=\"col\">Freight</th><th scope=\"col\">Origin</th><th scope=\"col\">Versions</th>")
            .Append(canPromote ? "<th scope=\"col\">Actions</th>" : "").Append("</tr></thead><tbody>");
        foreach (var item in available.Take(FreightShown))
        {
            html.Append("<tr><th scope=\"row\"><a href=\"").Append(UiRoutes.FreightHref(project, item.Name)).Append("\">").Append(Html.E(item.Alias ?? item.Name)).Append("</a></th><td>")
                .Append(Html.E(item.Origin?.Name)).Append("</td><td>").Append(Html.E(UiResources.Versions(item.Images, item.Commits, item.Charts))).Append("</td>");
            if (canPromote)
            {
                html.Append("<td>").Append(PromotionReview.Button(project, stage, item.Name, "Promote", "Promote " + (item.Alias ?? item.Name))).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (available.Count > FreightShown)
        {
            html.Append("<p class=\"hint\">").Append(available.Count - FreightShown).Append(" older available Freight not shown.</p>");
        }
    }

    private static void AppendUnavailable(StringBuilder html, string project, List<(Freight Freight, AvailabilityVerdict Verdict)> unavailable)
    {
        html.Append("<h2>Not available</h2>");
        if (unavailable.Count == 0)
        {
            html.Append("<p>Every Freight of this Stage's origins is available to it.</p>");
            return;
        }
        html.Append("<table class=\"list why-not\"><thead><tr><th scope=\"col\">Freight</th><th scope=\"col\">Origin</th><th scope=\"col\">Why not</th><th scope=\"col\">Available at</th></tr></thead><tbody>");
        foreach (var (item, verdict) in unavailable.Take(FreightShown))
        {
            html.Append("<tr><th scope=\"row\"><a href=\"").Append(UiRoutes.FreightHref(project, item.Name)).Append("\">").Append(Html.E(item.Alias ?? item.Name)).Append("</a></th><td>")
                .Append(Html.E(item.Origin?.Name)).Append("</td><td><ul class=\"reasons\">");
            foreach (var reason in verdict.Reasons)
            {
                html.Append("<li data-reason=\"").Append(Html.E(reason.Kind.ToString())).Append("\">").Append(Html.E(reason.Message)).Append("</li>");
            }
            html.Append("</ul></td><td>").Append(verdict.AvailableAt is { } at ? Html.Time(at) : "—").Append("</td></tr>");
        }
        html.Append("</tbody></table>");
        if (unavailable.Count > FreightShown)
        {
            html.Append("<p class=\"hint\">").Append(unavailable.Count - FreightShown).Append(" older unavailable Freight not shown.</p>");
        }
    }
}
