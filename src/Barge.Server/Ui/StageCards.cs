using System.Text;
using Barge.Resources.Model;

namespace Barge.Server.Ui;

/// <summary>
/// One card per Stage: current Freight per origin (alias, versions, Warehouse), health, verification,
/// last promotion, auto-promotion. Each card is also a live fragment (<see cref="ProjectLive"/>): its root
/// element's id (<see cref="CardId"/>) names the element it replaces.
/// </summary>
internal static class StageCards
{
    public static string CardId(string stage) => "stage-" + stage;

    /// <summary>The cards, with aliases taken from Freight already read.</summary>
    public static string Render(string project, IReadOnlyList<Stage> stages, IReadOnlyDictionary<string, Freight> freightByName) =>
        Render(project, stages, freightByName.ToDictionary(p => p.Key, p => p.Value.Alias, StringComparer.Ordinal));

    /// <param name="aliases">Freight name → alias, for the Freight the Stages hold (a missing name shows the name).</param>
    public static string Render(string project, IReadOnlyList<Stage> stages, IReadOnlyDictionary<string, string?> aliases)
    {
        var html = new StringBuilder("<section aria-labelledby=\"stages-h\"><h2 id=\"stages-h\">Stages</h2><div class=\"cards\">");
        foreach (var stage in stages.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            AppendCard(html, project, stage, aliases, null);
        }
        html.Append("</div></section>");
        return html.ToString();
    }

    /// <summary>One card; <paramref name="latest"/>, when given, is the Stage's newest Promotion (shown as its last promotion).</summary>
    public static string Card(string project, Stage stage, IReadOnlyDictionary<string, string?> aliases, Promotion? latest)
    {
        var html = new StringBuilder();
        AppendCard(html, project, stage, aliases, latest);
        return html.ToString();
    }

    /// <summary>The Freight names a Stage's card shows (its current Freight per origin).</summary>
    public static IEnumerable<string> FreightNames(Stage stage) =>
        UiResources.Current(stage).Values.Select(r => r.Name).OfType<string>();

    private static void AppendCard(StringBuilder html, string project, Stage stage, IReadOnlyDictionary<string, string?> aliases, Promotion? latest)
    {
        html.Append("<article class=\"card stage\" id=\"").Append(Html.E(CardId(stage.Name))).Append("\" data-stage=\"").Append(Html.E(stage.Name))
            .Append("\" aria-label=\"Stage ").Append(Html.E(stage.Name)).Append("\"><h3><a href=\"").Append(UiRoutes.StageHref(project, stage.Name)).Append("\">").Append(Html.E(stage.Name)).Append("</a></h3><dl>");
        var current = UiResources.Current(stage);
        foreach (var origin in UiResources.Origins(stage))
        {
            var reference = current.Values.FirstOrDefault(r => r.Origin?.Name == origin);
            html.Append("<dt>").Append(Html.E(origin)).Append("</dt><dd class=\"origin\" data-origin=\"").Append(Html.E(origin)).Append("\">");
            if (reference?.Name is { } name)
            {
                var alias = aliases.GetValueOrDefault(name);
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
        html.Append("<dt>Health</dt><dd class=\"health-").Append(Html.E(health.ToLowerInvariant())).Append("\">").Append(Html.E(health)).Append("</dd>")
            .Append("<dt>Verification</dt><dd>").Append(Html.E(verification)).Append("</dd><dt>Last promotion</dt><dd>");
        var (promotion, phase) = latest is not null
            ? (latest.Name, latest.Status?.Phase?.ToString() ?? "Pending")
            : (stage.Status?.LastPromotion?.Name, stage.Status?.LastPromotion?.Status?.Phase?.ToString());
        if (promotion is not null)
        {
            html.Append("<a href=\"").Append(UiRoutes.PromotionHref(project, promotion)).Append("\">").Append(Html.E(promotion)).Append("</a> <span class=\"")
                .Append(UiResources.PhaseClass(phase)).Append("\" data-phase=\"").Append(Html.E(phase ?? "")).Append("\">").Append(Html.E(phase ?? "")).Append("</span>");
        }
        else
        {
            html.Append('—');
        }
        html.Append("</dd></dl></article>");
    }
}
