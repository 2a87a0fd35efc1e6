namespace Barge.Server.Ui;

/// <summary>The Promote controls of the pages: one form per (Stage, Freight).</summary>
internal static class PromotionReview
{
    /// <summary>A Promote button for <paramref name="freight"/> onto <paramref name="stage"/>.</summary>
    public static string Button(UiUser user, string project, string stage, string freight, string label, string ariaLabel) =>
        $"<form method=\"post\" action=\"{UiRoutes.StageHref(project, stage)}/promote\">{Html.Csrf(user.Session)}"
        + $"<input type=\"hidden\" name=\"freight\" value=\"{Html.E(freight)}\">"
        + $"<button type=\"submit\" aria-label=\"{Html.E(ariaLabel)}\">{Html.E(label)}</button></form>";
}
