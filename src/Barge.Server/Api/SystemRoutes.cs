using System.Reflection;
using Barge.Server.Auth;
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

    private static async Task<IResult> ReadyAsync(HttpContext context, IResourceStore store)
    {
        try
        {
            await store.GetResourceVersionAsync(context.RequestAborted);
            return Results.Text("ok");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Problems.Result(new ApiError(503, "the store is not reachable: " + ex.GetType().Name));
        }
    }
}
