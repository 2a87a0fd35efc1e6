using Barge.Server.Auth;
using Barge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Barge.Server.Api;

/// <summary>
/// Server configuration and the config singletons (kargo-rest-api.md §3, §4.16): the public and the
/// authenticated server config, the ClusterConfig (named <c>cluster</c>) and each project's ProjectConfig
/// (named after the project): get (with watch), delete and refresh.
/// </summary>
internal static class ConfigRoutes
{
    /// <summary>Kargo's only ClusterConfig name.</summary>
    public const string ClusterConfigName = "cluster";

    public static void Map(RouteGroupBuilder api)
    {
        // Barge has no admin password login and no OIDC: clients authenticate with a bearer token.
        api.MapGet("/system/public-server-config", () => Results.Json(new { adminAccountEnabled = false, skipAuth = false }))
            .RequireAccess(Access.Anonymous).WithTags("system");
        api.MapGet("/system/server-config", () => Results.Json(new
        {
            argocdShards = new Dictionary<string, object>(),
            secretManagementEnabled = true,
            systemResourcesNamespace = "",
            sharedResourcesNamespace = "",
            kargoNamespace = "",
            hasAnalysisRunLogsUrlTemplate = false,
        })).RequireAccess(Access.Authenticated).WithTags("system");

        var cluster = ResourceKey.Cluster("ClusterConfig", ClusterConfigName);
        api.MapGet("/system/cluster-config", (HttpContext c, ResourceReads reads, ApiWatches watches) => ProjectRoutes.GetOneAsync(c, cluster, reads, watches))
            .RequireAccess(Access.Authenticated).WithTags("system");
        api.MapDelete("/system/cluster-config", (HttpContext c, ResourceActions actions) => ProjectRoutes.DeleteAsync(c, cluster, actions))
            .RequireAccess(Access.SystemAdmin).WithTags("system");
        api.MapPost("/system/cluster-config/refresh", (HttpContext c, ResourceActions actions) => ProjectRoutes.RefreshAsync(c, cluster, actions))
            .RequireAccess(Access.SystemAdmin).WithTags("system");

        api.MapGet("/projects/{project}/config", (HttpContext c, string project, ResourceReads reads, ApiWatches watches)
            => ProjectRoutes.GetOneAsync(c, ProjectConfig(project), reads, watches)).RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("projects");
        api.MapDelete("/projects/{project}/config", (HttpContext c, string project, ResourceActions actions)
            => ProjectRoutes.DeleteAsync(c, ProjectConfig(project), actions)).RequireAccess(Access.Project(ProjectRole.Admin)).WithTags("projects");
        api.MapPost("/projects/{project}/config/refresh", (HttpContext c, string project, ResourceActions actions)
            => ProjectRoutes.RefreshAsync(c, ProjectConfig(project), actions)).RequireAccess(Access.Project(ProjectRole.Promoter)).WithTags("projects");
    }

    private static ResourceKey ProjectConfig(string project) => new("ProjectConfig", project, project);
}
