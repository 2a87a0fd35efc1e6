using System.Text.Json;
using Barge.Server.Auth;
using Barge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Barge.Server.Api;

/// <summary>Promotions, promoting and PromotionTasks (kargo-rest-api.md §4.5–4.7, §4.11, §4.12).</summary>
internal static class PromotionRoutes
{
    private static readonly JsonSerializerOptions Lenient = new(JsonSerializerDefaults.Web);

    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/projects/{project}/stages/{stage}/promotions", PromoteAsync).RequireAccess(Access.Project(ProjectRole.Promoter)).WithTags("promotions");
        api.MapPost("/projects/{project}/stages/{stage}/promotions/dry-run", DryRunAsync).RequireAccess(Access.Project(ProjectRole.Promoter)).WithTags("promotions");
        api.MapGet("/projects/{project}/promotions", ListAsync).RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("promotions");
        api.MapGet("/projects/{project}/promotions/{promotion}", (HttpContext c, string project, string promotion, ResourceReads reads, ApiWatches watches)
            => ProjectRoutes.GetOneAsync(c, new ResourceKey("Promotion", project, promotion), reads, watches)).RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("promotions");
        api.MapPost("/projects/{project}/promotions/{promotion}/refresh", (HttpContext c, string project, string promotion, ResourceActions actions)
            => ProjectRoutes.RefreshAsync(c, new ResourceKey("Promotion", project, promotion), actions)).RequireAccess(Access.Project(ProjectRole.Promoter)).WithTags("promotions");
        api.MapPost("/projects/{project}/promotions/{promotion}/abort", AbortAsync).RequireAccess(Access.Project(ProjectRole.Promoter)).WithTags("promotions");

        api.MapGet("/projects/{project}/promotion-tasks", async (HttpContext c, string project, ResourceReads reads) =>
        {
            var list = await reads.ListAsync("PromotionTask", project, c.RequestAborted);
            return ManifestJson.List(list.Items, list.ResourceVersion);
        }).RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("promotion-tasks");
        api.MapGet("/projects/{project}/promotion-tasks/{task}", async (HttpContext c, string project, string task, ResourceReads reads)
            => (await reads.GetAsync(new ResourceKey("PromotionTask", project, task), c.RequestAborted)).ToResult(t => ManifestJson.Object(t)))
            .RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("promotion-tasks");
    }

    private static async Task<IResult> PromoteAsync(HttpContext context, string project, string stage, ResourceActions actions)
    {
        var body = await ReadBodyAsync(context);
        if (!body.Succeeded)
        {
            return Problems.Result(body.Error);
        }
        var caller = AccessMiddleware.CallerOf(context);
        return (await actions.PromoteAsync(project, stage, body.Value, caller.Actor, context.RequestAborted)).ToResult(p => ManifestJson.Object(p, 201));
    }

    /// <summary>Barge extension: the dry run of a promote body (<see cref="PromotionDryRuns"/>); nothing is stored.</summary>
    private static async Task<IResult> DryRunAsync(HttpContext context, string project, string stage, PromotionDryRuns dryRuns)
    {
        var body = await ReadBodyAsync(context);
        if (!body.Succeeded)
        {
            return Problems.Result(body.Error);
        }
        var caller = AccessMiddleware.CallerOf(context);
        return (await dryRuns.RunAsync(project, stage, body.Value, caller.Actor, context.RequestAborted)).ToResult(run => Results.Json(run, Output));
    }

    /// <summary>The promote body: <c>{"freight"|"freightAlias"|"origin": …}</c>.</summary>
    private static async Task<ApiOutcome<PromoteBody>> ReadBodyAsync(HttpContext context)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<PromoteBody>(context.Request.Body, Lenient, context.RequestAborted) is { } body
                ? body
                : ApiError.BadRequest("EOF: the body must be {\"freight\"|\"freightAlias\"|\"origin\": …}");
        }
        catch (JsonException ex)
        {
            return ApiError.BadRequest("invalid JSON body: " + ex.Message);
        }
    }

    private static async Task<IResult> ListAsync(HttpContext context, string project, ResourceReads reads, ApiWatches watches, ListResponseCache lists)
    {
        var stage = context.Request.Query["stage"].ToString();
        if (context.Request.Flag("watch"))
        {
            return watches.Collection(ResourceQuery.OfKind("Promotion", project),
                p => stage.Length == 0 || (p.Spec.TryGetProperty("stage", out var s) && s.GetString() == stage));
        }
        return await lists.GetAsync($"Promotion/{project}?{stage}", ct => reads.ListPromotionsAsync(project, stage, ct), context.RequestAborted);
    }

    private static async Task<IResult> AbortAsync(HttpContext context, string project, string promotion, ResourceActions actions) =>
        (await actions.AbortPromotionAsync(project, promotion, AccessMiddleware.CallerOf(context).Actor, context.RequestAborted)).ToResult(_ => ManifestJson.Empty());
}
