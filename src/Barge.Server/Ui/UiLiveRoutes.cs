using Barge.Server.Auth;
using Barge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Barge.Server.Ui;

/// <summary>The project page's live stream route (<see cref="ProjectLive"/>), under the UI's group.</summary>
internal static class UiLiveRoutes
{
    public static void MapUiLive(this RouteGroupBuilder ui)
    {
        ArgumentNullException.ThrowIfNull(ui);
        ui.MapGet("/projects/{project}/live", ProjectLiveAsync);
    }

    private static async Task<IResult> ProjectLiveAsync(HttpContext context, string project, UiSessions sessions, IResourceStore store)
    {
        var (user, failure) = await UiGuard.ViewAsync(context, sessions, store, project, ProjectRole.Viewer);
        if (user is null)
        {
            return failure!;
        }
        var query = context.Request.Query;
        var filter = new FreightTimeline.Filter(
            query["origin"].ToString() is { Length: > 0 } origin ? origin : null,
            query["stage"].ToString() is { Length: > 0 } stage ? stage : null,
            int.TryParse(query["page"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) ? page : 0);
        var cards = new StageCards.CardRange(
            query["q"].ToString() is { Length: > 0 } name ? name : null,
            query.ContainsKey("cfirst") ? query["cfirst"].ToString() : null,
            query.ContainsKey("clast") ? query["clast"].ToString() : null);
        await ProjectLive.StreamAsync(context, store, user, project, filter, cards, context.RequestAborted);
        return Results.Empty;
    }
}
