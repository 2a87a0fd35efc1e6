using System.Text;
using Barge.Resources.Model;
using Barge.Server.Api;
using Barge.Server.Auth;
using Barge.Storage;

namespace Barge.Server.Ui;

/// <summary>
/// One Stage: current Freight per origin, the Freight available to it (the engine's availability, as
/// <c>GET …/freight?stage=</c>) with promote buttons for promoters, its Promotions newest first, and
/// its promotion template's steps.
/// </summary>
internal static class StagePage
{
    public const int PromotionsShown = 20;

    public static async Task<ApiOutcome<string>> RenderAsync(IResourceStore store, ResourceReads reads, UiUser user, string project, string name, CancellationToken cancellationToken)
    {
        var stored = await reads.GetAsync(new ResourceKey("Stage", project, name), cancellationToken);
        if (!stored.Succeeded)
        {
            return stored.Error;
        }
        var stage = UiResources.As<Stage>(stored.Value);
        var available = await reads.QueryFreightAsync(project, name, [], reverse: true, cancellationToken);
        if (!available.Succeeded)
        {
            return available.Error;
        }
        var freight = (await UiResources.ListAsync<Freight>(store, "Freight", project, cancellationToken)).ToDictionary(f => f.Name, StringComparer.Ordinal);
        var promotions = (await reads.ListPromotionsAsync(project, name, cancellationToken)).Items.Select(UiResources.As<Promotion>)
            .OrderByDescending(p => p.Metadata.CreationTimestamp).Take(PromotionsShown).ToList();
        var canPromote = user.Caller.Can(project, ProjectRole.Promoter);

        var html = new StringBuilder();
        html.Append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"").Append(UiRoutes.Prefix).Append("\">Projects</a> / <a href=\"")
            .Append(UiRoutes.ProjectHref(project)).Append("\">").Append(Html.E(project)).Append("</a> / Stage</nav><h1>Stage ").Append(Html.E(name)).Append("</h1>")
            .Append(StageCards.Render(project, [stage], freight).Replace("<h2 id=\"stages-h\">Stages</h2>", "<h2 id=\"stages-h\">Current</h2>", StringComparison.Ordinal));
        html.Append("<h2>Available Freight</h2>");
        if (available.Value.Items.Count == 0)
        {
            html.Append("<p>No Freight is available to this Stage.</p>");
        }
        else
        {
            html.Append("<table class=\"list\"><thead><tr><th scope=\"col\">Freight</th><th scope=\"col\">Origin</th><th scope=\"col\">Versions</th>")
                .Append(canPromote ? "<th scope=\"col\">Actions</th>" : "").Append("</tr></thead><tbody>");
            foreach (var item in available.Value.Items.Take(50).Select(UiResources.As<Freight>))
            {
                html.Append("<tr><th scope=\"row\"><a href=\"").Append(UiRoutes.FreightHref(project, item.Name)).Append("\">").Append(Html.E(item.Alias ?? item.Name)).Append("</a></th><td>")
                    .Append(Html.E(item.Origin?.Name)).Append("</td><td>").Append(Html.E(UiResources.Versions(item.Images, item.Commits, item.Charts))).Append("</td>");
                if (canPromote)
                {
                    html.Append("<td><form method=\"post\" action=\"").Append(UiRoutes.ProjectHref(project)).Append("/stages/").Append(Html.U(name)).Append("/promote\">")
                        .Append(Html.Csrf(user.Session)).Append("<input type=\"hidden\" name=\"freight\" value=\"").Append(Html.E(item.Name)).Append("\">")
                        .Append("<button type=\"submit\" aria-label=\"Promote ").Append(Html.E(item.Alias ?? item.Name)).Append("\">Promote</button></form></td>");
                }
                html.Append("</tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("<h2>Promotions</h2>");
        if (promotions.Count == 0)
        {
            html.Append("<p>No Promotions yet.</p>");
        }
        else
        {
            html.Append("<table class=\"list\"><thead><tr><th scope=\"col\">Promotion</th><th scope=\"col\">Phase</th><th scope=\"col\">Freight</th><th scope=\"col\">Actor</th><th scope=\"col\">Created</th></tr></thead><tbody>");
            foreach (var promotion in promotions)
            {
                var phase = promotion.Status?.Phase?.ToString() ?? "Pending";
                html.Append("<tr><th scope=\"row\"><a href=\"").Append(UiRoutes.PromotionHref(project, promotion.Name)).Append("\">").Append(Html.E(promotion.Name)).Append("</a></th><td class=\"")
                    .Append(UiResources.PhaseClass(phase)).Append("\">").Append(Html.E(phase)).Append("</td><td>").Append(Html.E(promotion.Spec?.Freight)).Append("</td><td>")
                    .Append(Html.E(promotion.Metadata.Annotations?.GetValueOrDefault(UiResources.CreateActorAnnotation))).Append("</td><td>").Append(Html.Time(promotion.Metadata.CreationTimestamp)).Append("</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("<h2>Promotion template</h2><ol class=\"template\">");
        foreach (var step in stage.Spec?.PromotionTemplate?.Spec?.Steps ?? [])
        {
            html.Append("<li>").Append(Html.E(step.Uses ?? "task " + step.Task?.Name)).Append(step.As is { } alias ? " as " + Html.E(alias) : "").Append("</li>");
        }
        html.Append("</ol>");
        return html.ToString();
    }
}
