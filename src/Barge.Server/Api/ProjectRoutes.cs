using Barge.Server.Auth;
using Barge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Barge.Server.Api;

/// <summary>Projects, Stages and Warehouses (kargo-rest-api.md §4.1–4.3, §4.12, §4.14).</summary>
internal static class ProjectRoutes
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/projects", ListProjectsAsync).RequireAccess(Access.Authenticated).WithTags("projects");
        api.MapGet("/projects/{project}", GetProjectAsync).RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("projects");
        api.MapDelete("/projects/{project}", DeleteProjectAsync).RequireAccess(Access.SystemAdmin).WithTags("projects");

        api.MapGet("/projects/{project}/stages", ListStagesAsync).RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("stages");
        api.MapGet("/projects/{project}/stages/{stage}", (HttpContext c, string project, string stage, ResourceReads reads, ApiWatches watches)
            => GetOneAsync(c, new ResourceKey("Stage", project, stage), reads, watches)).RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("stages");
        api.MapDelete("/projects/{project}/stages/{stage}", (HttpContext c, string project, string stage, ResourceActions actions)
            => DeleteAsync(c, new ResourceKey("Stage", project, stage), actions)).RequireAccess(Access.Project(ProjectRole.Admin)).WithTags("stages");
        api.MapPost("/projects/{project}/stages/{stage}/refresh", (HttpContext c, string project, string stage, ResourceActions actions)
            => RefreshAsync(c, new ResourceKey("Stage", project, stage), actions)).RequireAccess(Access.Project(ProjectRole.Promoter)).WithTags("stages");

        api.MapGet("/projects/{project}/warehouses", (HttpContext c, string project, ResourceReads reads, ApiWatches watches, ListResponseCache lists)
            => ListAsync(c, "Warehouse", project, reads, watches, lists)).RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("warehouses");
        api.MapGet("/projects/{project}/warehouses/{warehouse}", (HttpContext c, string project, string warehouse, ResourceReads reads, ApiWatches watches)
            => GetOneAsync(c, new ResourceKey("Warehouse", project, warehouse), reads, watches)).RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("warehouses");
        api.MapDelete("/projects/{project}/warehouses/{warehouse}", (HttpContext c, string project, string warehouse, ResourceActions actions)
            => DeleteAsync(c, new ResourceKey("Warehouse", project, warehouse), actions)).RequireAccess(Access.Project(ProjectRole.Admin)).WithTags("warehouses");
        api.MapPost("/projects/{project}/warehouses/{warehouse}/refresh", (HttpContext c, string project, string warehouse, ResourceActions actions)
            => RefreshAsync(c, new ResourceKey("Warehouse", project, warehouse), actions)).RequireAccess(Access.Project(ProjectRole.Promoter)).WithTags("warehouses");

        // The rest of Kargo's catalogue: config singletons, events, verification and shared resources,
        // and 501 answers for what Barge does not serve yet.
        ConfigRoutes.Map(api);
        EventRoutes.Map(api);
        AnalysisRoutes.Map(api);
        ConfigMapRoutes.Map(api);
        CredentialRoutes.Map(api);
        UnsupportedRoutes.Map(api);
    }

    /// <summary>A list, or with <c>?watch=true</c> its change stream.</summary>
    public static async Task<IResult> ListAsync(HttpContext context, string kind, string project, ResourceReads reads, ApiWatches watches, ListResponseCache lists)
    {
        if (context.Request.Flag("watch"))
        {
            return watches.Collection(ResourceQuery.OfKind(kind, project), _ => true);
        }
        return await lists.GetAsync($"{kind}/{project}", ct => reads.ListAsync(kind, project, ct), context);
    }

    /// <summary>One object, or with <c>?watch=true</c> its current state and then its changes.</summary>
    public static async Task<IResult> GetOneAsync(HttpContext context, ResourceKey key, ResourceReads reads, ApiWatches watches)
    {
        var found = await reads.GetAsync(key, context.RequestAborted);
        if (!found.Succeeded)
        {
            return Problems.Result(found.Error);
        }
        return context.Request.Flag("watch") ? watches.One(found.Value) : ManifestJson.Object(found.Value);
    }

    public static async Task<IResult> DeleteAsync(HttpContext context, ResourceKey key, ResourceActions actions) =>
        (await actions.DeleteAsync(key, context.RequestAborted)).ToResult(_ => Results.NoContent());

    public static async Task<IResult> RefreshAsync(HttpContext context, ResourceKey key, ResourceActions actions) =>
        (await actions.RefreshAsync(key, context.RequestAborted)).ToResult(_ => ManifestJson.Empty());

    private static async Task<IResult> ListProjectsAsync(HttpContext context, ResourceReads reads)
    {
        var caller = AccessMiddleware.CallerOf(context);
        var items = await reads.ListProjectsAsync(context.Request.Query["filter"].ToString(), p => caller.RoleIn(p) is not null, context.RequestAborted);
        var total = items.Count;
        if (int.TryParse(context.Request.Query["pageSize"], out var size) && size > 0)
        {
            _ = int.TryParse(context.Request.Query["page"], out var page);
            items = items.Skip(Math.Max(page, 0) * size).Take(size).ToList();
        }
        return ManifestJson.Custom(200, writer =>
        {
            writer.WriteStartObject();
            ManifestJson.WriteItems(writer, "items", items);
            writer.WriteNumber("total", total);
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> GetProjectAsync(HttpContext context, string project, ResourceReads reads) =>
        (await reads.GetAsync(ResourceKey.Cluster("Project", project), context.RequestAborted)).ToResult(p => ManifestJson.Object(p));

    private static async Task<IResult> DeleteProjectAsync(HttpContext context, string project, ResourceActions actions) =>
        await DeleteAsync(context, ResourceKey.Cluster("Project", project), actions);

    private static async Task<IResult> ListStagesAsync(HttpContext context, string project, ResourceReads reads, ApiWatches watches, ListResponseCache lists)
    {
        var origins = context.Request.Values("freightOrigins");
        if (context.Request.Flag("watch"))
        {
            return watches.Collection(ResourceQuery.OfKind("Stage", project), ResourceReads.StageFilter(origins));
        }
        var key = "Stage/" + project + "?" + string.Join('\u0000', origins);
        return await lists.GetAsync(key, ct => reads.ListStagesAsync(project, origins, ct), context);
    }
}
