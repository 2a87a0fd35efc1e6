using System.Reflection;
using Barge.Server.Auth;
using Barge.Server.Hosting;
using Barge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Barge.Server.Api;

/// <summary>Health (no token), readiness (the store answers) and the server version.</summary>
internal static class SystemRoutes
{
    public static void MapHealth(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok")).RequireAccess(Access.Anonymous).WithTags("health");
        app.MapGet("/readyz", ReadyAsync).RequireAccess(Access.Anonymous).WithTags("health");
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/system/server-version", () => Results.Json(new
        {
            version = typeof(SystemRoutes).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            platform = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier,
        })).RequireAccess(Access.Authenticated).WithTags("system");
    }

    // ?verbose adds the store's kind and place (never its password) and its resourceVersion.
    private static async Task<IResult> ReadyAsync(HttpContext context, IResourceStore store, StoreIdentity identity)
    {
        try
        {
            var version = await store.GetResourceVersionAsync(context.RequestAborted);
            return context.Request.Query.ContainsKey("verbose")
                ? Results.Text($"ok\nstore: {identity.Kind} {identity.Description}: reachable, resourceVersion {version}\n")
                : Results.Text("ok");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Problems.Result(new ApiError(503, $"the store ({identity.Kind} {identity.Description}) is not reachable: {ex.GetType().Name}"));
        }
    }
}
