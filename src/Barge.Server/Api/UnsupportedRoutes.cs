using Barge.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Barge.Server.Api;

/// <summary>
/// The routes of Kargo's catalogue (kargo-rest-api.md §3) that Barge does not serve yet. Each is mapped
/// with an access policy like its neighbours and answers 501 ProblemDetails naming the route and the
/// reason, so a Kargo client gets a clear error instead of a 404 that looks like a typo.
/// </summary>
internal static class UnsupportedRoutes
{
    private const string Credentials = "credentials are Secrets labelled kargo.akuity.io/cred-type; create and change them with /v1beta1/resources, `barge apply` or `barge create credentials`";
    private const string Roles = "Barge's roles are fixed (viewer, promoter, admin per project; system-admin); bind them to API tokens with POST /v1beta1/system/api-tokens";
    private const string Shared = "Barge has no shared or system namespaces; ConfigMaps and credentials live in projects";

    public static IReadOnlyList<UnsupportedRoute> All { get; } = Build();

    public static void Map(RouteGroupBuilder api)
    {
        foreach (var route in All)
        {
            api.MapMethods(route.Template, [route.Method], () => Problems.Result(new ApiError(501,
                    $"{route.Method} /v1beta1{route.Template} is not supported by Barge yet: {route.Reason}")))
                .RequireAccess(route.Access).WithTags("not-supported");
        }
    }

    private static List<UnsupportedRoute> Build()
    {
        var routes = new List<UnsupportedRoute>
        {
            new("POST", "/login", Access.Anonymous, "there is no admin password or OIDC login; use the admin token or an API token as the bearer token"),
            new("GET", "/system/controller-heartbeats", Access.Authenticated, "the controllers run inside `barge serve`; see /readyz and /metrics"),
            new("GET", "/system/roles", Access.SystemAdmin, Roles),
            new("GET", "/system/roles/{role}", Access.SystemAdmin, Roles),
            new("POST", "/system/roles/{role}/api-tokens", Access.SystemAdmin, Roles),
            new("GET", "/projects/{project}/stages/{stage}/links", Access.Project(ProjectRole.Viewer), "Barge does not integrate with Argo CD, so there are no application links"),
            new("GET", "/projects/{project}/freight/{freight}/links", Access.Project(ProjectRole.Viewer), "Barge does not integrate with Argo CD, so there are no application links"),
            new("GET", "/projects/{project}/analysis-runs/{name}/logs", Access.Project(ProjectRole.Viewer), "analysis runs keep their measurements, not job logs"),
            new("GET", "/projects/{project}/images", Access.Project(ProjectRole.Viewer), "use GET …/freight for the images each Freight carries"),
            new("GET", "/projects/{project}/roles", Access.Project(ProjectRole.Viewer), Roles),
            new("POST", "/projects/{project}/roles", Access.Project(ProjectRole.Admin), Roles),
            new("GET", "/projects/{project}/roles/{role}", Access.Project(ProjectRole.Viewer), Roles),
            new("PUT", "/projects/{project}/roles/{role}", Access.Project(ProjectRole.Admin), Roles),
            new("DELETE", "/projects/{project}/roles/{role}", Access.Project(ProjectRole.Admin), Roles),
            new("POST", "/projects/{project}/roles/{role}/api-tokens", Access.Project(ProjectRole.Admin), Roles),
            new("POST", "/projects/{project}/roles/grants", Access.Project(ProjectRole.Admin), Roles),
            new("POST", "/projects/{project}/roles/revocations", Access.Project(ProjectRole.Admin), Roles),
            new("GET", "/projects/{project}/api-tokens", Access.Project(ProjectRole.Admin), Roles),
            new("GET", "/projects/{project}/api-tokens/{token}", Access.Project(ProjectRole.Admin), Roles),
            new("DELETE", "/projects/{project}/api-tokens/{token}", Access.Project(ProjectRole.Admin), Roles),
        };
        foreach (var collection in new[] { "repo-credentials", "generic-credentials", "configmaps" })
        {
            // Listed, read and deleted by CredentialRoutes and ConfigMapRoutes; written through /resources.
            var reason = collection == "configmaps" ? "ConfigMaps are created and changed with /v1beta1/resources or `barge apply`" : Credentials;
            var admin = Access.Project(ProjectRole.Admin);
            routes.Add(new("POST", "/projects/{project}/" + collection, admin, reason));
            routes.Add(new("PUT", "/projects/{project}/" + collection + "/{name}", admin, reason));
            routes.Add(new("PATCH", "/projects/{project}/" + collection + "/{name}", admin, reason));
            Crud(routes, "/shared/" + collection, Access.Authenticated, Access.SystemAdmin, Shared);
            if (collection != "repo-credentials")
            {
                Crud(routes, "/system/" + collection, Access.Authenticated, Access.SystemAdmin, Shared);
            }
        }
        return routes;
    }

    /// <summary>Kargo's CRUD+PATCH set: list and create on the collection; get, replace, patch and delete by name.</summary>
    private static void Crud(List<UnsupportedRoute> routes, string collection, Access read, Access write, string reason)
    {
        routes.Add(new("GET", collection, read, reason));
        routes.Add(new("POST", collection, write, reason));
        routes.Add(new("GET", collection + "/{name}", read, reason));
        routes.Add(new("PUT", collection + "/{name}", write, reason));
        routes.Add(new("PATCH", collection + "/{name}", write, reason));
        routes.Add(new("DELETE", collection + "/{name}", write, reason));
    }
}
