using Barge.Server.Auth;
using Barge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Barge.Server.Api;

/// <summary>
/// Kargo's project ConfigMap routes that Barge serves: list (a ConfigMapList sorted by name), get and
/// delete. Creating and changing them goes through <c>/v1beta1/resources</c> (their POST, PUT and PATCH
/// routes answer 501, <see cref="UnsupportedRoutes"/>).
/// </summary>
internal static class ConfigMapRoutes
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/projects/{project}/configmaps", async (HttpContext c, string project, ResourceReads reads) =>
            {
                var list = await reads.ListAsync("ConfigMap", project, c.RequestAborted);
                return ManifestJson.List(list.Items, list.ResourceVersion);
            })
            .RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("configmaps");
        api.MapGet("/projects/{project}/configmaps/{name}", async (HttpContext c, string project, string name, ResourceReads reads) =>
                (await reads.GetAsync(new ResourceKey("ConfigMap", project, name), c.RequestAborted)).ToResult(found => ManifestJson.Object(found)))
            .RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("configmaps");
        api.MapDelete("/projects/{project}/configmaps/{name}", (HttpContext c, string project, string name, ResourceActions actions)
                => ProjectRoutes.DeleteAsync(c, new ResourceKey("ConfigMap", project, name), actions))
            .RequireAccess(Access.Project(ProjectRole.Admin)).WithTags("configmaps");
    }
}
