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
