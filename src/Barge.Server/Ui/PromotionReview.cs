using System.Text;
using Barge.Resources.Model;
using Barge.Server.Api;

namespace Barge.Server.Ui;

/// <summary>
/// Review before promote: every Promote control of the UI (Freight page, Stage page, a Freight dropped on a
/// Stage card) leads to <c>GET …/stages/{s}/review?freight=</c>, which shows the dry run of that promotion
/// (<see cref="PromotionDryRuns"/>, the API's <c>POST …/promotions/dry-run</c>): the steps it would run with
/// their dry-run status, and each repository's diff. Its Confirm button is the CSRF form that creates the
/// Promotion (<c>POST …/stages/{s}/promote</c>).
/// </summary>
internal static class PromotionReview
{
    /// <summary>A Promote button for <paramref name="freight"/> onto <paramref name="stage"/>: a GET form that opens the review page.</summary>
    public static string Button(string project, string stage, string freight, string label, string ariaLabel) =>
        $"<form method=\"get\" action=\"{UiRoutes.StageHref(project, stage)}/review\"><input type=\"hidden\" name=\"freight\" value=\"{Html.E(freight)}\">"
        + $"<button type=\"submit\" aria-label=\"{Html.E(ariaLabel)}\">{Html.E(label)}</button></form>";

    public static string Render(UiUser user, string project, string stage, Freight freight, PromotionDryRun run)
    {
        var html = new StringBuilder();
        var label = freight.Alias ?? freight.Name;
        html.Append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"").Append(UiRoutes.Prefix).Append("\">Projects</a> / <a href=\"")
            .Append(UiRoutes.ProjectHref(project)).Append("\">").Append(Html.E(project)).Append("</a> / <a href=\"").Append(UiRoutes.StageHref(project, stage)).Append("\">")
            .Append(Html.E(stage)).Append("</a> / Review</nav>")
            .Append("<h1>Promote ").Append(Html.E(label)).Append(" to ").Append(Html.E(stage)).Append("?</h1>")
            .Append("<dl class=\"facts\"><dt>Stage</dt><dd><a href=\"").Append(UiRoutes.StageHref(project, stage)).Append("\">").Append(Html.E(stage)).Append("</a></dd>")
            .Append("<dt>Freight</dt><dd><a href=\"").Append(UiRoutes.FreightHref(project, freight.Name)).Append("\">").Append(Html.E(label)).Append("</a> <span class=\"versions\">")
            .Append(Html.E(UiResources.Versions(freight.Images, freight.Commits, freight.Charts))).Append("</span></dd>")
            .Append("<dt>Origin</dt><dd>").Append(Html.E(freight.Origin?.ToString())).Append("</dd>")
            .Append("<dt>Dry run</dt><dd class=\"phase ").Append(UiResources.PhaseClass(run.Phase)).Append("\" data-dry-run-phase=\"").Append(Html.E(run.Phase)).Append("\">")
            .Append(Html.E(run.Phase)).Append(run.Message is { Length: > 0 } message ? ": " + Html.E(message) : "").Append("</dd></dl>");
        if (run.Phase != nameof(PromotionPhase.Succeeded))
        {
            html.Append("<p class=\"error\" role=\"alert\">The dry run did not succeed; the promotion would likely fail the same way.</p>");
        }
        html.Append("<p class=\"hint\">Steps with side effects (pushes, HTTP calls, messages, store writes) are skipped in the dry run and run for real after you confirm.</p>");
        AppendSteps(html, run.Steps);
        AppendDiffs(html, run.Diffs);
        html.Append("<form method=\"post\" action=\"").Append(UiRoutes.StageHref(project, stage)).Append("/promote\">").Append(Html.Csrf(user.Session))
            .Append("<input type=\"hidden\" name=\"freight\" value=\"").Append(Html.E(freight.Name)).Append("\">")
            .Append("<button type=\"submit\" aria-label=\"Confirm promotion of ").Append(Html.E(label)).Append(" to ").Append(Html.E(stage)).Append("\">Confirm promotion</button> ")
            .Append("<a href=\"").Append(UiRoutes.StageHref(project, stage)).Append("\">Cancel</a></form>");
        return html.ToString();
    }

    private static void AppendSteps(StringBuilder html, IReadOnlyList<DryRunStep> changes)
    {
        // The dry run reports each status change; a step's row shows its last one.
        var steps = changes.GroupBy(c => c.Index).Select(g => g.Last()).OrderBy(s => s.Index).ToList();
        html.Append("<h2>Steps</h2>");
        if (steps.Count == 0)
        {
            html.Append("<p>The dry run ran no steps.</p>");
            return;
        }
        html.Append("<table class=\"list steps\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Step</th><th scope=\"col\">Status</th><th scope=\"col\">Message</th></tr></thead><tbody>");
        foreach (var step in steps)
        {
            html.Append("<tr data-step-status=\"").Append(Html.E(step.Status)).Append("\"><td>").Append(step.Index + 1).Append("</td><td>").Append(Html.E(step.Alias))
                .Append(step.Uses.Length > 0 && step.Uses != step.Alias ? $" <small>{Html.E(step.Uses)}</small>" : "")
                .Append("</td><td class=\"").Append(UiResources.PhaseClass(step.Status)).Append("\">").Append(Html.E(step.Status)).Append("</td><td>")
                .Append(Html.E(step.Message)).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    private static void AppendDiffs(StringBuilder html, IReadOnlyList<Barge.Engine.Promotion.RepositoryDiff> diffs)
    {
        html.Append("<h2>Changes</h2>");
        if (diffs.Count == 0)
        {
            html.Append("<p>The promotion changes no repository checkout.</p>");
            return;
        }
        foreach (var diff in diffs)
        {
            html.Append("<h3><code>").Append(Html.E(diff.RepoURL)).Append("</code> <small>at ").Append(Html.E(diff.BaseCommit.Length > 12 ? diff.BaseCommit[..12] : diff.BaseCommit))
                .Append(", checked out at ").Append(Html.E(diff.Path)).Append("</small></h3>");
            if (diff.Diff.Length == 0)
            {
                html.Append("<p>No changes.</p>");
                continue;
            }
            html.Append("<pre class=\"diff\">");
            foreach (var line in diff.Diff.Split('\n'))
            {
                var kind = line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) ? "file"
                    : line.StartsWith('+') ? "add" : line.StartsWith('-') ? "del" : line.StartsWith("@@", StringComparison.Ordinal) ? "hunk" : null;
                html.Append(kind is null ? "" : $"<span class=\"{kind}\">").Append(Html.E(line)).Append(kind is null ? "" : "</span>").Append('\n');
            }
            html.Append("</pre>");
        }
    }
}
