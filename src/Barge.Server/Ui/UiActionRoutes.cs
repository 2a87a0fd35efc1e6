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
/// reverify a Stage, promote downstream. Each goes through the method the REST API's route calls
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
    private static async Task<IResult> DownstreamAsync(HttpContext context, string project, string freight, UiSessions sessions, IResourceStore store, TimeProvider time, ResourceReads reads)
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
        var found = await reads.GetFreightAsync(project, freight, context.RequestAborted);
        if (!found.Succeeded)
        {
            return UiGuard.Error(user, found.Error);
        }
        using var random = RandomNumberGenerator.Create();
        var result = await new DownstreamPromotion(store, time, random).CreateAsync(project, found.Value.Key.Name, stage, user.Caller.Actor, context.RequestAborted);
        if (!result.Succeeded)
        {
            return UiGuard.Error(user, Error(result.Failure, result.Message));
        }
        var notice = $"Promoting downstream of \"{stage}\": "
            + string.Join(", ", result.Promotions.Select(p => $"{p.Spec?.Stage} ({p.Name})"))
            + (result.Errors.Count > 0 ? "; failed: " + string.Join("; ", result.Errors) : "");
        return UiGuard.SeeOther(UiRoutes.FreightHref(project, freight) + "?notice=" + Html.U(notice));
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
