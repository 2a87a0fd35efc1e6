using Barge.Server.Auth;
using Barge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Barge.Server.Api;

/// <summary>
/// Kargo's project ConfigMap routes that Barge serves: list (a ConfigMapList sorted by name), get and
/// delete, read like the other kinds' (also with <c>?watch=true</c>). Creating and changing them goes
/// through <c>/v1beta1/resources</c> (their POST, PUT and PATCH routes answer 501, <see cref="UnsupportedRoutes"/>).
/// </summary>
internal static class ConfigMapRoutes
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/projects/{project}/configmaps", (HttpContext c, string project, ResourceReads reads, ApiWatches watches, ListResponseCache lists)
                => ProjectRoutes.ListAsync(c, "ConfigMap", project, reads, watches, lists))
            .RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("configmaps");
        api.MapGet("/projects/{project}/configmaps/{name}", (HttpContext c, string project, string name, ResourceReads reads, ApiWatches watches)
                => ProjectRoutes.GetOneAsync(c, new ResourceKey("ConfigMap", project, name), reads, watches))
            .RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("configmaps");
        api.MapDelete("/projects/{project}/configmaps/{name}", (HttpContext c, string project, string name, ResourceActions actions)
                => ProjectRoutes.DeleteAsync(c, new ResourceKey("ConfigMap", project, name), actions))
            .RequireAccess(Access.Project(ProjectRole.Admin)).WithTags("configmaps");
    }
}
