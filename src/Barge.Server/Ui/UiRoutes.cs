using Barge.Resources.Model;
using Barge.Server.Api;
using Barge.Server.Auth;
using Barge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Barge.Server.Ui;

/// <summary>
/// The web UI under <see cref="Prefix"/> (and <c>/</c>, which redirects there): server-rendered pages,
/// sign-in with a server token into a session cookie, CSRF-checked form posts, live SSE fragments. The
/// routes are anonymous to the bearer middleware because the UI authenticates by its own session
/// (<see cref="UiGuard"/>): no session means a redirect to sign-in, a role the API would refuse means 403.
/// Actions go through the API's application layer (<see cref="ResourceActions"/>, the engine's Operations).
/// </summary>
internal static class UiRoutes
{
    public const string Prefix = "/ui";

    public const string CsrfField = "_csrf";

    public static string ProjectHref(string project) => $"{Prefix}/projects/{Html.U(project)}";

    public static string FreightHref(string project, string freight) => $"{ProjectHref(project)}/freight/{Html.U(freight)}";

    public static string StageHref(string project, string stage) => $"{ProjectHref(project)}/stages/{Html.U(stage)}";

    public static string PromotionHref(string project, string promotion) => $"{ProjectHref(project)}/promotions/{Html.U(promotion)}";

    public static void MapBargeUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", () => Results.Redirect(Prefix)).RequireAccess(Access.Anonymous).ExcludeFromDescription();
        var ui = app.MapGroup(Prefix).RequireAccess(Access.Anonymous).ExcludeFromDescription();
        UiActionRoutes.Map(ui);
        ui.MapGet("/assets/{file}", UiAssets.Serve);
        ui.MapGet("/signin", SignInPageAsync);
        ui.MapPost("/signin", SignInAsync);
        ui.MapPost("/signout", SignOutAsync);
        ui.MapGet("", ProjectsAsync);
        ui.MapGet("/projects/{project}", ProjectAsync);
        ui.MapGet("/projects/{project}/history", HistoryAsync);
        ui.MapGet("/projects/{project}/stages/{stage}", StageAsync);
        ui.MapGet("/projects/{project}/freight/{freight}", FreightAsync);
        ui.MapPost("/projects/{project}/freight/{freight}/approve", ApproveAsync);
        ui.MapPost("/projects/{project}/stages/{stage}/promote", PromoteAsync);
        ui.MapGet("/projects/{project}/promotions/{promotion}", PromotionAsync);
        ui.MapGet("/projects/{project}/promotions/{promotion}/live", PromotionLiveAsync);
        ui.MapPost("/projects/{project}/promotions/{promotion}/abort", AbortAsync);
        ui.MapUiLive();
    }

    private static async Task<IResult> SignInPageAsync(HttpContext context, UiSessions sessions) =>
        await sessions.ResolveAsync(context) is not null ? Results.Redirect(Prefix) : UiGuard.Page(UiLayout.SignIn(null, UiSessions.SignInCsrf(context)));

    private static async Task<IResult> SignInAsync(HttpContext context, UiSessions sessions)
    {
        if (!context.Request.HasFormContentType)
        {
            return UiGuard.Page(UiLayout.SignIn("Sign-in expects a form with a token.", UiSessions.SignInCsrf(context)), 400);
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!UiSessions.SignInCsrfMatches(context, form[CsrfField].ToString()))
        {
            return UiGuard.Page(UiLayout.SignIn("The sign-in form expired or did not come from this server; try again.", UiSessions.SignInCsrf(context)), 400);
        }
        var token = form["token"].ToString();
        if (await sessions.AuthenticateAsync(token, context.RequestAborted) is null)
        {
            return UiGuard.Page(UiLayout.SignIn("That token is not valid on this server.", UiSessions.SignInCsrf(context)), 401);
        }
        await sessions.StartAsync(context, token);
        return Results.Redirect(Prefix, permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, UiSessions sessions)
    {
        var (user, failure) = await UiGuard.FormAsync(context, sessions, null, null);
        if (user is null)
        {
            return failure!;
        }
        await sessions.EndAsync(context);
        return UiGuard.SeeOther(Prefix + "/signin");
    }

    private static async Task<IResult> ProjectsAsync(HttpContext context, UiSessions sessions, IResourceStore store)
    {
        if (await sessions.ResolveAsync(context) is not { } user)
        {
            return UiGuard.ToSignIn();
        }
        return UiGuard.Page(UiLayout.Page("Projects", user, await ProjectsPage.RenderAsync(store, user, context.RequestAborted)));
    }

    private static async Task<IResult> ProjectAsync(HttpContext context, string project, UiSessions sessions, IResourceStore store)
    {
        var (user, failure) = await UiGuard.ViewAsync(context, sessions, store, project, ProjectRole.Viewer);
        if (user is null)
        {
            return failure!;
        }
        var query = context.Request.Query;
        if (PageNumber(query, "page", 0) is not { } page)
        {
            return UiGuard.Error(user, ApiError.BadRequest($"project {project}: the timeline page \"{query["page"]}\" is not a page number (0, 1, 2, …)"));
        }
        if (PageNumber(query, "cards", 1) is not { } cards)
        {
            return UiGuard.Error(user, ApiError.BadRequest($"project {project}: the Stage card page \"{query["cards"]}\" is not a page number (1, 2, 3, …)"));
        }
        var filter = new FreightTimeline.Filter(NullIfEmpty(query["origin"].ToString()), NullIfEmpty(query["stage"].ToString()), page);
        var expanded = query["expand"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
        var (html, error) = await ProjectPage.RenderAsync(store, user, project, filter, new StageCards.CardFilter(NullIfEmpty(query["q"].ToString()), cards), expanded, context.RequestAborted);
        return html is not null ? UiGuard.Page(UiLayout.Page(project, user, html)) : UiGuard.Error(user, ApiError.BadRequest(error!));
    }

    private static async Task<IResult> StageAsync(HttpContext context, string project, string stage, UiSessions sessions, IResourceStore store, ResourceReads reads, TimeProvider time)
    {
        var (user, failure) = await UiGuard.ViewAsync(context, sessions, store, project, ProjectRole.Viewer);
        if (user is null)
        {
            return failure!;
        }
        var body = await StagePage.RenderAsync(store, reads, time, user, project, stage, UiActionRoutes.Notice(context), context.RequestAborted);
        return body.Succeeded ? UiGuard.Page(UiLayout.Page("Stage " + stage, user, body.Value)) : UiGuard.Error(user, body.Error);
    }

    private static async Task<IResult> HistoryAsync(HttpContext context, string project, UiSessions sessions, IResourceStore store)
    {
        var (user, failure) = await UiGuard.ViewAsync(context, sessions, store, project, ProjectRole.Viewer);
        if (user is null)
        {
            return failure!;
        }
        var query = context.Request.Query;
        DateTimeOffset? since = null;
        if (NullIfEmpty(query["since"].ToString()) is { } sinceText)
        {
            if (!DateTimeOffset.TryParse(sinceText, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return UiGuard.Error(user, ApiError.BadRequest($"since \"{sinceText}\": expected an RFC 3339 time such as 2026-01-02T15:04:05Z"));
            }
            since = parsed;
        }
        long? before = long.TryParse(query["before"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var b) ? b : null;
        var filter = new HistoryPage.Filter(NullIfEmpty(query["stage"].ToString()), NullIfEmpty(query["origin"].ToString()), NullIfEmpty(query["actor"].ToString()), since, before);
        return UiGuard.Page(UiLayout.Page("History · " + project, user, await HistoryPage.RenderAsync(store, project, filter, context.RequestAborted)));
    }

    private static async Task<IResult> FreightAsync(HttpContext context, string project, string freight, UiSessions sessions, IResourceStore store, ResourceReads reads)
    {
        var (user, failure) = await UiGuard.ViewAsync(context, sessions, store, project, ProjectRole.Viewer);
        if (user is null)
        {
            return failure!;
        }
        var found = await reads.GetFreightAsync(project, freight, context.RequestAborted);
        if (!found.Succeeded)
        {
            return UiGuard.Error(user, found.Error);
        }
        var notice = NullIfEmpty(context.Request.Query["notice"].ToString());
        var body = await FreightPage.RenderAsync(store, user, project, UiResources.As<Freight>(found.Value), notice, context.RequestAborted);
        return UiGuard.Page(UiLayout.Page("Freight " + freight, user, body));
    }

    private static async Task<IResult> ApproveAsync(HttpContext context, string project, string freight, UiSessions sessions, IResourceStore store, TimeProvider time)
    {
        var (user, failure) = await UiGuard.FormAsync(context, sessions, project, ProjectRole.Promoter);
        if (user is null)
        {
            return failure!;
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var stage = form["stage"].ToString();
        if (stage.Length == 0)
        {
            return UiGuard.Error(user, ApiError.BadRequest("choose a Stage to approve the Freight for"));
        }
        var result = await new Barge.Engine.Operations.FreightApproval(store, time).ApproveAsync(project, freight, stage, user.Caller.Actor, context.RequestAborted);
        if (!result.Succeeded)
        {
            return UiGuard.Error(user, new ApiError(result.Failure == Barge.Engine.Operations.OperationFailure.NotFound ? 404 : 400, result.Message));
        }
        return UiGuard.SeeOther(FreightHref(project, freight) + "?notice=" + Html.U(result.Message));
    }

    private static async Task<IResult> PromoteAsync(HttpContext context, string project, string stage, UiSessions sessions, ResourceActions actions)
    {
        var (user, failure) = await UiGuard.FormAsync(context, sessions, project, ProjectRole.Promoter);
        if (user is null)
        {
            return failure!;
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var freight = form["freight"].ToString();
        if (freight.Length == 0)
        {
            return UiGuard.Error(user, ApiError.BadRequest("choose a Freight to promote"));
        }
        var created = await actions.PromoteAsync(project, stage, new PromoteBody(freight, null, null), user.Caller.Actor, context.RequestAborted);
        return created.Succeeded ? UiGuard.SeeOther(PromotionHref(project, created.Value.Key.Name)) : UiGuard.Error(user, created.Error);
    }

    private static async Task<IResult> PromotionAsync(HttpContext context, string project, string promotion, UiSessions sessions, IResourceStore store)
    {
        var (user, failure) = await UiGuard.ViewAsync(context, sessions, store, project, ProjectRole.Viewer);
        if (user is null)
        {
            return failure!;
        }
        var stored = await store.GetAsync(new ResourceKey("Promotion", project, promotion), context.RequestAborted);
        if (stored is null)
        {
            return UiGuard.Error(user, ApiError.NotFound(KargoNames.NotFound(new ResourceKey("Promotion", project, promotion))));
        }
        return UiGuard.Page(UiLayout.Page("Promotion " + promotion, user, PromotionPage.Render(user, project, UiResources.As<Promotion>(stored))));
    }

    private static async Task<IResult> PromotionLiveAsync(HttpContext context, string project, string promotion, UiSessions sessions, IResourceStore store)
    {
        var (user, failure) = await UiGuard.ViewAsync(context, sessions, store, project, ProjectRole.Viewer);
        if (user is null)
        {
            return failure!;
        }
        var stored = await store.GetAsync(new ResourceKey("Promotion", project, promotion), context.RequestAborted);
        if (stored is null)
        {
            return UiGuard.Error(user, ApiError.NotFound(KargoNames.NotFound(new ResourceKey("Promotion", project, promotion))));
        }
        await UiLive.StreamAsync(context, store, stored, s => PromotionPage.Fragment(user, project, UiResources.As<Promotion>(s)), context.RequestAborted);
        return Results.Empty;
    }

    private static async Task<IResult> AbortAsync(HttpContext context, string project, string promotion, UiSessions sessions, ResourceActions actions)
    {
        var (user, failure) = await UiGuard.FormAsync(context, sessions, project, ProjectRole.Promoter);
        if (user is null)
        {
            return failure!;
        }
        var aborted = await actions.AbortPromotionAsync(project, promotion, user.Caller.Actor, context.RequestAborted);
        return aborted.Succeeded ? UiGuard.SeeOther(PromotionHref(project, promotion)) : UiGuard.Error(user, aborted.Error);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>A page number from the query (absent: <paramref name="absent"/>); null when it is not a whole number of at least <paramref name="absent"/>.</summary>
    private static int? PageNumber(IQueryCollection query, string name, int absent)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return absent;
        }
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page >= absent ? page : null;
    }
}
