using System.Text;
using Barge.Resources.Model;

namespace Barge.Server.Ui;

/// <summary>One card per Stage: current Freight per origin (alias, versions, Warehouse), health, verification, last promotion, auto-promotion.</summary>
internal static class StageCards
{
    public static string Render(string project, IReadOnlyList<Stage> stages, IReadOnlyDictionary<string, Freight> freightByName)
    {
        var html = new StringBuilder("<section aria-labelledby=\"stages-h\"><h2 id=\"stages-h\">Stages</h2><div class=\"cards\">");
        foreach (var stage in stages.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            html.Append("<article class=\"card stage\" id=\"stage-").Append(Html.E(stage.Name)).Append("\" data-stage=\"").Append(Html.E(stage.Name))
                .Append("\" aria-label=\"Stage ").Append(Html.E(stage.Name)).Append("\"><h3><a href=\"").Append(UiRoutes.StageHref(project, stage.Name)).Append("\">").Append(Html.E(stage.Name)).Append("</a></h3><dl>");
            var current = UiResources.Current(stage);
            foreach (var origin in UiResources.Origins(stage))
            {
                var reference = current.Values.FirstOrDefault(r => r.Origin?.Name == origin);
                html.Append("<dt>").Append(Html.E(origin)).Append("</dt><dd class=\"origin\" data-origin=\"").Append(Html.E(origin)).Append("\">");
                if (reference?.Name is { } name)
                {
                    var alias = freightByName.TryGetValue(name, out var freight) ? freight.Alias : null;
                    html.Append("<a href=\"").Append(UiRoutes.FreightHref(project, name)).Append("\">").Append(Html.E(alias ?? name)).Append("</a> ")
                        .Append("<span class=\"versions\">").Append(Html.E(UiResources.Versions(reference.Images, reference.Commits, reference.Charts))).Append("</span>");
                }
                else
                {
                    html.Append("<span class=\"none\">no Freight</span>");
                }
                var holds = stage.Status?.EffectiveAutoPromotionHolds;
                var auto = !stage.Status?.AutoPromotionEnabled ?? true ? "off" : holds is not null && holds.ContainsKey("Warehouse/" + origin) ? "held" : "on";
                html.Append(" <span class=\"auto\">auto-promotion ").Append(auto).Append("</span></dd>");
            }
            var health = stage.Status?.Health?.Status ?? "Unknown";
            var verification = stage.Status?.FreightHistory is { Count: > 0 } history && history[0].VerificationHistory is { Count: > 0 } runs
                ? runs[0].Phase?.ToString() ?? "Pending"
                : "—";
            var last = stage.Status?.LastPromotion;
            html.Append("<dt>Health</dt><dd class=\"health-").Append(Html.E(health.ToLowerInvariant())).Append("\">").Append(Html.E(health)).Append("</dd>")
                .Append("<dt>Verification</dt><dd>").Append(Html.E(verification)).Append("</dd><dt>Last promotion</dt><dd>");
            if (last?.Name is { } promotion)
            {
                var phase = last.Status?.Phase?.ToString();
                html.Append("<a href=\"").Append(UiRoutes.PromotionHref(project, promotion)).Append("\">").Append(Html.E(promotion)).Append("</a> <span class=\"")
                    .Append(UiResources.PhaseClass(phase)).Append("\">").Append(Html.E(phase ?? "")).Append("</span>");
            }
            else
            {
                html.Append('—');
            }
            html.Append("</dd></dl></article>");
        }
        html.Append("</div></section>");
        return html.ToString();
    }
}
