using Barge.Server.Auth;
using Barge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Barge.Server.Api;

/// <summary>
/// Verification resources and shared templates (kargo-rest-api.md §3): a project's AnalysisTemplates
/// (list, get, delete) and AnalysisRuns (get; the verification runner stores them as kind
/// <c>AnalysisRun</c>), and the cluster-scoped ClusterAnalysisTemplates (list, get, delete) and
/// ClusterPromotionTasks (list, get) under <c>/shared</c>.
/// </summary>
internal static class AnalysisRoutes
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/projects/{project}/analysis-templates", (HttpContext c, string project, ResourceReads reads)
            => ListAsync(c, "AnalysisTemplate", project, reads)).RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("verification");
        api.MapGet("/projects/{project}/analysis-templates/{name}", (HttpContext c, string project, string name, ResourceReads reads)
            => GetAsync(c, new ResourceKey("AnalysisTemplate", project, name), reads)).RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("verification");
        api.MapDelete("/projects/{project}/analysis-templates/{name}", (HttpContext c, string project, string name, ResourceActions actions)
            => ProjectRoutes.DeleteAsync(c, new ResourceKey("AnalysisTemplate", project, name), actions)).RequireAccess(Access.Project(ProjectRole.Admin)).WithTags("verification");
        api.MapGet("/projects/{project}/analysis-runs/{name}", (HttpContext c, string project, string name, ResourceReads reads)
            => GetAsync(c, new ResourceKey("AnalysisRun", project, name), reads)).RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("verification");

        api.MapGet("/shared/cluster-analysis-templates", (HttpContext c, ResourceReads reads)
            => ListAsync(c, "ClusterAnalysisTemplate", "", reads)).RequireAccess(Access.Authenticated).WithTags("shared");
        api.MapGet("/shared/cluster-analysis-templates/{name}", (HttpContext c, string name, ResourceReads reads)
            => GetAsync(c, ResourceKey.Cluster("ClusterAnalysisTemplate", name), reads)).RequireAccess(Access.Authenticated).WithTags("shared");
        api.MapDelete("/shared/cluster-analysis-templates/{name}", (HttpContext c, string name, ResourceActions actions)
            => ProjectRoutes.DeleteAsync(c, ResourceKey.Cluster("ClusterAnalysisTemplate", name), actions)).RequireAccess(Access.SystemAdmin).WithTags("shared");
        api.MapGet("/shared/cluster-promotion-tasks", (HttpContext c, ResourceReads reads)
            => ListAsync(c, "ClusterPromotionTask", "", reads)).RequireAccess(Access.Authenticated).WithTags("shared");
        api.MapGet("/shared/cluster-promotion-tasks/{name}", (HttpContext c, string name, ResourceReads reads)
            => GetAsync(c, ResourceKey.Cluster("ClusterPromotionTask", name), reads)).RequireAccess(Access.Authenticated).WithTags("shared");
    }

    private static async Task<IResult> ListAsync(HttpContext context, string kind, string project, ResourceReads reads)
    {
        var list = await reads.ListAsync(kind, project, context.RequestAborted);
        return ManifestJson.List(list.Items, list.ResourceVersion);
    }

    private static async Task<IResult> GetAsync(HttpContext context, ResourceKey key, ResourceReads reads) =>
        (await reads.GetAsync(key, context.RequestAborted)).ToResult(found => ManifestJson.Object(found));
}
