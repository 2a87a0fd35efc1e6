using System.Text;
using Barge.Engine.Pipeline;
using Barge.Resources.Model;

namespace Barge.Server.Ui;

/// <summary>
/// The Stage page's history: its promotion queue (Running, then Pending in the order the engine runs
/// them, <see cref="PromotionOrder"/>) and finished Promotions newest first, and its verification
/// history across the Freight collections it held (id, phase, start, finish, message, AnalysisRun).
/// </summary>
internal static class StageHistorySections
{
    public const int HistoryShown = 20;

    public static void AppendPromotions(StringBuilder html, string project, IReadOnlyList<Promotion> promotions)
    {
        var ordered = promotions.Order(PromotionOrder.Instance).ToList();
        var queue = ordered.Where(p => !PromotionOrder.IsTerminal(p.Status?.Phase ?? PromotionPhase.Pending)).ToList();
        var done = ordered.Where(p => PromotionOrder.IsTerminal(p.Status?.Phase ?? PromotionPhase.Pending)).Take(HistoryShown).ToList();
        html.Append("<h2>Promotion queue</h2>");
        AppendPromotionTable(html, project, queue, "No Promotion is running or pending.");
        html.Append("<h2>Promotion history</h2>");
        AppendPromotionTable(html, project, done, "No finished Promotions yet.");
    }

    public static void AppendVerifications(StringBuilder html, string project, Stage stage, IReadOnlyDictionary<string, Freight> freight)
    {
        var rows = (stage.Status?.FreightHistory ?? [])
            .SelectMany(collection => (collection.VerificationHistory ?? []).Select(v => (Collection: collection, Verification: v)))
            .OrderByDescending(r => r.Verification.StartTime ?? DateTimeOffset.MinValue)
            .Take(HistoryShown)
            .ToList();
        html.Append("<h2>Verification history</h2>");
        if (rows.Count == 0)
        {
            html.Append("<p>No verifications yet.</p>");
            return;
        }
        html.Append("<table class=\"list verifications\"><thead><tr><th scope=\"col\">Id</th><th scope=\"col\">Phase</th><th scope=\"col\">Freight</th><th scope=\"col\">Started</th>")
            .Append("<th scope=\"col\">Finished</th><th scope=\"col\">Message</th><th scope=\"col\">AnalysisRun</th><th scope=\"col\">Actor</th></tr></thead><tbody>");
        foreach (var (collection, verification) in rows)
        {
            var phase = verification.Phase?.ToString() ?? "Pending";
            html.Append("<tr><th scope=\"row\"><code>").Append(Html.E(verification.Id)).Append("</code></th><td class=\"").Append(UiResources.PhaseClass(phase)).Append("\">")
                .Append(Html.E(phase)).Append("</td><td>");
            var first = true;
            foreach (var reference in (collection.Items ?? []).Values)
            {
                html.Append(first ? "" : ", ");
                first = false;
                if (reference.Name is { } name)
                {
                    html.Append("<a href=\"").Append(UiRoutes.FreightHref(project, name)).Append("\">")
                        .Append(Html.E(freight.TryGetValue(name, out var f) ? f.Alias ?? name : name)).Append("</a>");
                }
            }
            html.Append("</td><td>").Append(Html.Time(verification.StartTime)).Append("</td><td>").Append(Html.Time(verification.FinishTime)).Append("</td><td>")
                .Append(Html.E(verification.Message ?? "—")).Append("</td><td>")
                .Append(verification.AnalysisRun is { Name: { } run } ar ? $"<code>{Html.E(run)}</code> {Html.E(ar.Phase)}" : "—")
                .Append("</td><td>").Append(Html.E(verification.Actor ?? "—")).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    private static void AppendPromotionTable(StringBuilder html, string project, List<Promotion> promotions, string empty)
    {
        if (promotions.Count == 0)
        {
            html.Append("<p>").Append(Html.E(empty)).Append("</p>");
            return;
        }
        html.Append("<table class=\"list\"><thead><tr><th scope=\"col\">Promotion</th><th scope=\"col\">Phase</th><th scope=\"col\">Freight</th><th scope=\"col\">Actor</th>")
            .Append("<th scope=\"col\">Created</th><th scope=\"col\">Duration</th></tr></thead><tbody>");
        foreach (var promotion in promotions)
        {
            var phase = promotion.Status?.Phase?.ToString() ?? "Pending";
            html.Append("<tr><th scope=\"row\"><a href=\"").Append(UiRoutes.PromotionHref(project, promotion.Name)).Append("\">").Append(Html.E(promotion.Name)).Append("</a></th><td class=\"")
                .Append(UiResources.PhaseClass(phase)).Append("\">").Append(Html.E(phase)).Append("</td><td>");
            if (promotion.Spec?.Freight is { Length: > 0 } freight)
            {
                html.Append("<a href=\"").Append(UiRoutes.FreightHref(project, freight)).Append("\">").Append(Html.E(freight)).Append("</a>");
            }
            html.Append("</td><td>").Append(Html.E(promotion.Metadata.Annotations?.GetValueOrDefault(UiResources.CreateActorAnnotation) ?? "—")).Append("</td><td>")
                .Append(Html.Time(promotion.Metadata.CreationTimestamp)).Append("</td><td>").Append(Html.Duration(promotion.Status?.StartedAt, promotion.Status?.FinishedAt)).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }
}
