using System.Text;
using Barge.Resources.Model;
using Barge.Server.Auth;

namespace Barge.Server.Ui;

/// <summary>
/// One Promotion: Stage, Freight, origin, actor, phase, duration, message and its steps (Running →
/// Succeeded live, through <see cref="UiLive"/>), and abort for promoters while it is not terminal.
/// </summary>
internal static class PromotionPage
{
    public const string FragmentId = "promotion-live";

    public static string Render(UiUser user, string project, Promotion promotion)
    {
        var html = new StringBuilder();
        html.Append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"").Append(UiRoutes.Prefix).Append("\">Projects</a> / <a href=\"")
            .Append(UiRoutes.ProjectHref(project)).Append("\">").Append(Html.E(project)).Append("</a> / Promotion</nav>")
            .Append("<h1>Promotion ").Append(Html.E(promotion.Name)).Append("</h1>")
            .Append("<div data-live=\"").Append(UiRoutes.PromotionHref(project, promotion.Name)).Append("/live\">")
            .Append(Fragment(user, project, promotion)).Append("</div>");
        return html.ToString();
    }

    /// <summary>The live part, swapped in place by the page's script on each change.</summary>
    public static string Fragment(UiUser user, string project, Promotion promotion)
    {
        var status = promotion.Status;
        var phase = status?.Phase?.ToString() ?? "Pending";
        var freight = promotion.Spec?.Freight ?? "";
        var html = new StringBuilder();
        html.Append("<section id=\"").Append(FragmentId).Append("\" aria-live=\"polite\"><dl class=\"facts\">")
            .Append("<dt>Phase</dt><dd class=\"phase ").Append(UiResources.PhaseClass(phase)).Append("\" data-phase=\"").Append(Html.E(phase)).Append("\">").Append(Html.E(phase)).Append("</dd>")
            .Append("<dt>Stage</dt><dd>").Append(Html.E(promotion.Spec?.Stage)).Append("</dd>")
            .Append("<dt>Freight</dt><dd><a href=\"").Append(UiRoutes.FreightHref(project, freight)).Append("\">").Append(Html.E(freight)).Append("</a></dd>")
            .Append("<dt>Origin</dt><dd>").Append(Html.E(promotion.Spec?.Origin?.ToString() ?? status?.Freight?.Origin?.ToString() ?? "—")).Append("</dd>")
            .Append("<dt>Actor</dt><dd>").Append(Html.E(promotion.Metadata.Annotations?.GetValueOrDefault(UiResources.CreateActorAnnotation) ?? "—")).Append("</dd>")
            .Append("<dt>Started</dt><dd>").Append(Html.Time(status?.StartedAt)).Append("</dd>")
            .Append("<dt>Duration</dt><dd>").Append(Html.Duration(status?.StartedAt, status?.FinishedAt)).Append("</dd>")
            .Append("<dt>Message</dt><dd class=\"message\">").Append(Html.E(status?.Message ?? "—")).Append("</dd></dl>");
        html.Append("<h2>Steps</h2><table class=\"list steps\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Step</th><th scope=\"col\">Status</th>")
            .Append("<th scope=\"col\">Duration</th><th scope=\"col\">Message</th></tr></thead><tbody>");
        var steps = promotion.Spec?.Steps ?? [];
        var metadata = status?.StepExecutionMetadata ?? [];
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var meta = i < metadata.Count ? metadata[i] : null;
            var stepStatus = meta?.Status?.ToString() ?? "Pending";
            html.Append("<tr data-step-status=\"").Append(Html.E(stepStatus)).Append("\"><td>").Append(i + 1).Append("</td><td>").Append(Html.E(step.As ?? step.Uses ?? step.Task?.Name))
                .Append(step.Uses is { } uses && step.As is not null ? $" <small>{Html.E(uses)}</small>" : "")
                .Append("</td><td class=\"").Append(UiResources.PhaseClass(stepStatus)).Append("\">").Append(Html.E(stepStatus)).Append("</td><td>")
                .Append(Html.Duration(meta?.StartedAt, meta?.FinishedAt)).Append("</td><td>").Append(Html.E(meta?.Message)).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
        if (status?.State is { Count: > 0 } state)
        {
            html.Append("<h2>Outputs</h2><pre class=\"outputs\">").Append(Html.E(state.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }))).Append("</pre>");
        }
        var terminal = status?.Phase is PromotionPhase.Succeeded or PromotionPhase.Failed or PromotionPhase.Errored or PromotionPhase.Aborted;
        if (!terminal && user.Caller.Can(project, ProjectRole.Promoter))
        {
            html.Append("<form method=\"post\" action=\"").Append(UiRoutes.PromotionHref(project, promotion.Name)).Append("/abort\">").Append(Html.Csrf(user.Session))
                .Append("<button type=\"submit\" class=\"danger\">Abort promotion</button></form>");
        }
        html.Append("</section>");
        return html.ToString();
    }
}
