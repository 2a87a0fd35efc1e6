using System.Security.Cryptography;
using Barge.Engine.Operations;
using Barge.Resources.Model;
using Barge.Server.Api;
using Barge.Server.Auth;
using Barge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Barge.Server.Ui;

/// <summary>
/// The UI's Warehouse view and the actions beyond promote/approve/abort: refresh a Warehouse or a Stage,
/// reverify a Stage, promote downstream, and the review (dry run) before a promotion. Each goes through the method the REST API's route calls
/// (<see cref="ResourceActions.RefreshAsync"/>, <see cref="StageVerificationRequests"/>,
/// <see cref="DownstreamPromotion"/>) with the role that route requires, after the session's CSRF check.
/// </summary>
internal static class UiActionRoutes
{
    public static string WarehouseHref(string project, string warehouse) => $"{UiRoutes.ProjectHref(project)}/warehouses/{Html.U(warehouse)}";

    public static void Map(RouteGroupBuilder ui)
    {
        ArgumentNullException.ThrowIfNull(ui);
        ui.MapGet("/projects/{project}/warehouses/{warehouse}", WarehouseAsync);
        ui.MapPost("/projects/{project}/warehouses/{warehouse}/refresh", RefreshWarehouseAsync);
        ui.MapPost("/projects/{project}/stages/{stage}/refresh", RefreshStageAsync);
        ui.MapPost("/projects/{project}/stages/{stage}/reverify", ReverifyAsync);
        ui.MapPost("/projects/{project}/freight/{freight}/downstream", DownstreamAsync);
        ui.MapGet("/projects/{project}/stages/{stage}/review", ReviewAsync);
    }

    private static async Task<IResult> WarehouseAsync(HttpContext context, string project, string warehouse, UiSessions sessions, IResourceStore store, ResourceReads reads)
    {
        var (user, failure) = await UiGuard.ViewAsync(context, sessions, store, project, ProjectRole.Viewer);
        if (user is null)
        {
            return failure!;
        }
        var stored = await reads.GetAsync(new ResourceKey("Warehouse", project, warehouse), context.RequestAborted);
        if (!stored.Succeeded)
        {
            return UiGuard.Error(user, stored.Error);
        }
        var produced = await reads.QueryFreightAsync(project, null, [warehouse], reverse: true, context.RequestAborted);
        if (!produced.Succeeded)
        {
            return UiGuard.Error(user, produced.Error);
        }
        var newest = produced.Value.Items.Take(WarehousePage.FreightShown).Select(UiResources.As<Freight>).ToList();
        var body = WarehousePage.Render(user, project, UiResources.As<Warehouse>(stored.Value), newest, produced.Value.Items.Count, Notice(context));
        return UiGuard.Page(UiLayout.Page("Warehouse " + warehouse, user, body));
    }

    private static async Task<IResult> RefreshWarehouseAsync(HttpContext context, string project, string warehouse, UiSessions sessions, ResourceActions actions)
    {
        var (user, failure) = await UiGuard.FormAsync(context, sessions, project, ProjectRole.Promoter);
        if (user is null)
        {
            return failure!;
        }
        var refreshed = await actions.RefreshAsync(new ResourceKey("Warehouse", project, warehouse), context.RequestAborted);
        return refreshed.Succeeded
            ? UiGuard.SeeOther(WarehouseHref(project, warehouse) + "?notice=" + Html.U($"Refresh requested for Warehouse \"{warehouse}\"; discovery runs shortly."))
            : UiGuard.Error(user, refreshed.Error);
    }

    private static async Task<IResult> RefreshStageAsync(HttpContext context, string project, string stage, UiSessions sessions, ResourceActions actions)
    {
        var (user, failure) = await UiGuard.FormAsync(context, sessions, project, ProjectRole.Promoter);
        if (user is null)
        {
            return failure!;
        }
        var refreshed = await actions.RefreshAsync(new ResourceKey("Stage", project, stage), context.RequestAborted);
        return refreshed.Succeeded
            ? UiGuard.SeeOther(UiRoutes.StageHref(project, stage) + "?notice=" + Html.U($"Refresh requested for Stage \"{stage}\"."))
            : UiGuard.Error(user, refreshed.Error);
    }

    private static async Task<IResult> ReverifyAsync(HttpContext context, string project, string stage, UiSessions sessions, IResourceStore store, TimeProvider time)
    {
        var (user, failure) = await UiGuard.FormAsync(context, sessions, project, ProjectRole.Promoter);
        if (user is null)
        {
            return failure!;
        }
        var result = await new StageVerificationRequests(store, time).ReverifyAsync(project, stage, user.Caller.Actor, context.RequestAborted);
        return result.Succeeded
            ? UiGuard.SeeOther(UiRoutes.StageHref(project, stage) + "?notice=" + Html.U(result.Message))
            : UiGuard.Error(user, Error(result.Failure, result.Message));
    }

    /// <summary>
    /// Promotes the Freight to every Stage downstream of the form's <c>stage</c> (the API's
    /// <c>POST …/stages/{stage}/promotions/downstream</c>); back on the Freight page, the notice names the
    /// Promotions created and any that failed.
    /// </summary>
    private static async Task<IResult> DownstreamAsync(HttpContext context, string project, string freight, UiSessions sessions, IResourceStore store, TimeProvider time)
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
            return UiGuard.Error(user, ApiError.BadRequest("choose the Stage to promote downstream from"));
        }
        // As the API route: the engine resolves the name or alias itself, after the upstream Stage.
        using var random = RandomNumberGenerator.Create();
        var result = await new DownstreamPromotion(store, time, random).CreateAsync(project, freight, stage, user.Caller.Actor, context.RequestAborted);
        if (!result.Succeeded)
        {
            return UiGuard.Error(user, Error(result.Failure, result.Message));
        }
        var notice = result.Message + (result.Promotions.Count > 0 ? ": " + string.Join(", ", result.Promotions.Select(p => $"{p.Spec?.Stage} ({p.Name})")) : "")
            + (result.Errors.Count > 0 ? "; failed: " + string.Join("; ", result.Errors) : "");
        return UiGuard.SeeOther(UiRoutes.FreightHref(project, freight) + "?notice=" + Html.U(notice));
    }

    /// <summary>
    /// The review before a manual promotion: the dry run of promoting <c>?freight=</c> (name or alias) to the
    /// Stage, with the Confirm form. Promoters only, as the promote and dry-run routes; nothing is stored.
    /// </summary>
    private static async Task<IResult> ReviewAsync(HttpContext context, string project, string stage, UiSessions sessions, IResourceStore store, ResourceReads reads, PromotionDryRuns dryRuns)
    {
        var (user, failure) = await UiGuard.ViewAsync(context, sessions, store, project, ProjectRole.Promoter);
        if (user is null)
        {
            return failure!;
        }
        var freight = context.Request.Query["freight"].ToString();
        if (freight.Length == 0)
        {
            return UiGuard.Error(user, ApiError.BadRequest("choose a Freight to promote (the freight query parameter is missing)"));
        }
        var target = await reads.GetAsync(new ResourceKey("Stage", project, stage), context.RequestAborted);
        if (!target.Succeeded)
        {
            return UiGuard.Error(user, target.Error);
        }
        var found = await reads.GetFreightAsync(project, freight, context.RequestAborted);
        if (!found.Succeeded)
        {
            return UiGuard.Error(user, found.Error);
        }
        var run = await dryRuns.RunAsync(project, stage, new PromoteBody(found.Value.Key.Name, null, null), user.Caller.Actor, context.RequestAborted);
        if (!run.Succeeded)
        {
            return UiGuard.Error(user, run.Error);
        }
        var body = PromotionReview.Render(user, project, stage, UiResources.As<Freight>(found.Value), run.Value);
        return UiGuard.Page(UiLayout.Page($"Review promotion to {stage}", user, body));
    }

    /// <summary>The one-line outcome of a previous action, passed back in the query after its redirect.</summary>
    public static string? Notice(HttpContext context) => context.Request.Query["notice"].ToString() is { Length: > 0 } notice ? notice : null;

    /// <summary>An engine operation's refusal in the API's status codes (as its routes answer).</summary>
    public static ApiError Error(OperationFailure failure, string message) => failure switch
    {
        OperationFailure.NotFound => ApiError.NotFound(message),
        OperationFailure.Conflict => ApiError.Conflict(message),
        _ => ApiError.BadRequest(message),
    };
}
