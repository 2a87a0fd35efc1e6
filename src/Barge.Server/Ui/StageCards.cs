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
    /// <summary>Cards per page: the first response carries a page of cards, not 1,000 (every Stage stays reachable by the pager, the name filter and the graph).</summary>
    public const int PageSize = 50;

    /// <summary>Which cards a page shows: Stages whose name contains <see cref="Name"/> (ignoring case), the 1-based <see cref="Page"/> of them in name order.</summary>
    public sealed record CardFilter(string? Name, int Page);

    /// <summary>The Stages a card page shows, and where it sits among the pages.</summary>
    public sealed record CardPage(IReadOnlyList<Stage> Stages, int Page, int Pages, int Matching)
    {
        /// <summary>The names the page spans (for the live stream: a change to a Stage outside the page is not sent).</summary>
        public CardRange Range(string? name) =>
            Stages.Count == 0 ? new CardRange(name, "", "") : new CardRange(name, Stages[0].Name, Stages[^1].Name);
    }

    /// <summary>The cards a rendered page holds: names matching <see cref="Name"/> between <see cref="First"/> and <see cref="Last"/> (ordinal, inclusive); null bounds are open.</summary>
    public sealed record CardRange(string? Name, string? First, string? Last)
    {
        public static CardRange Everything { get; } = new(null, null, null);

        public bool Shows(string stage) =>
            (Name is not { Length: > 0 } n || stage.Contains(n, StringComparison.OrdinalIgnoreCase))
            && (First is null || string.CompareOrdinal(stage, First) >= 0)
            && (Last is null || string.CompareOrdinal(stage, Last) <= 0);
    }

    public static string CardId(string stage) => "stage-" + stage;

    /// <summary>The filter's page of the Stages, in name order; null when the page number is past the last page.</summary>
    public static CardPage? Select(IReadOnlyList<Stage> stages, CardFilter filter)
    {
        var matching = stages
            .Where(s => filter.Name is not { Length: > 0 } n || s.Name.Contains(n, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var pages = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        if (filter.Page < 1 || filter.Page > pages)
        {
            return null;
        }
        return new CardPage(matching.Skip((filter.Page - 1) * PageSize).Take(PageSize).ToList(), filter.Page, pages, matching.Count);
    }

    /// <summary>A page of cards with the name filter form and the pager; <paramref name="pageHref"/> gives the URL of a card page (1-based).</summary>
    public static string RenderPage(string project, CardPage page, CardFilter filter, IReadOnlyDictionary<string, string?> aliases, Func<int, string> pageHref, string filterAction, IReadOnlyDictionary<string, string> hidden)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(pageHref);
        ArgumentNullException.ThrowIfNull(hidden);
        var html = new StringBuilder("<section aria-labelledby=\"stages-h\"><h2 id=\"stages-h\">Stages <small>")
            .Append(page.Matching).Append(filter.Name is { Length: > 0 } ? " matching" : "").Append("</small></h2>")
            .Append("<form class=\"filters\" method=\"get\" action=\"").Append(filterAction).Append("\">");
        foreach (var (name, value) in hidden)
        {
            html.Append("<input type=\"hidden\" name=\"").Append(Html.E(name)).Append("\" value=\"").Append(Html.E(value)).Append("\">");
        }
        html.Append("<label>Stage name <input type=\"search\" name=\"q\" value=\"").Append(Html.E(filter.Name ?? "")).Append("\"></label>")
            .Append("<button type=\"submit\">Find</button></form>");
        html.Append("<div class=\"cards\">");
        foreach (var stage in page.Stages)
        {
            AppendCard(html, project, stage, aliases, null);
        }
        html.Append("</div>");
        if (page.Pages > 1)
        {
            html.Append("<nav class=\"pager\" aria-label=\"Stage pages\">");
            if (page.Page > 1)
            {
                html.Append("<a href=\"").Append(pageHref(page.Page - 1)).Append("\" rel=\"prev\">Previous</a>");
            }
            html.Append("<span>page ").Append(page.Page).Append(" of ").Append(page.Pages).Append("</span>");
            if (page.Page < page.Pages)
            {
                html.Append("<a href=\"").Append(pageHref(page.Page + 1)).Append("\" rel=\"next\">Next</a>");
            }
            html.Append("</nav>");
        }
        html.Append("</section>");
        return html.ToString();
    }

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
