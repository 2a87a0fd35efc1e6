using Barge.Server.Api;
using Barge.Server.Hosting;
using Barge.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Barge.Server.Auth;

/// <summary>
/// Bearer authentication and route authorization, after routing: the admin token or an API token
/// (<c>Authorization: Bearer …</c>; a header without the prefix is taken whole, as Kargo does), then the
/// route's <see cref="Access"/> policy, then (for project routes) the project's existence. Denials are
/// logged with the actor.
/// </summary>
internal sealed class AccessMiddleware(RequestDelegate next, AdminToken admin, ApiTokens tokens, IResourceStore store, ILogger<AccessMiddleware> logger)
{
    public const string CallerItem = "barge.caller";

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var access = endpoint?.Metadata.GetMetadata<Access>();
        if (access == Access.Anonymous)
        {
            await next(context);
            return;
        }
        var caller = await AuthenticateAsync(context);
        if (caller is null)
        {
            return;
        }
        context.Items[CallerItem] = caller;
        if (endpoint is null)
        {
            await Problems.WriteAsync(context, ApiError.NotFound($"no route for {context.Request.Method} {context.Request.Path}"));
            return;
        }
        if (access is null)
        {
            await DenyAsync(context, caller, "the route has no access policy");
            return;
        }
        switch (access.Level)
        {
            case AccessLevel.SystemAdmin when !caller.IsSystemAdmin:
                await DenyAsync(context, caller, "system-admin is required");
                return;
            case AccessLevel.Project:
                var project = context.Request.RouteValues["project"] as string ?? "";
                if (!caller.Can(project, access.Role!.Value))
                {
                    await DenyAsync(context, caller, $"{access.Role.Value.ToString().ToLowerInvariant()} in project \"{project}\" is required");
                    return;
                }
                if (await store.GetAsync(ResourceKey.Cluster("Project", project), context.RequestAborted) is null)
                {
                    await Problems.WriteAsync(context, ApiError.NotFound($"projects.kargo.akuity.io \"{project}\" not found"));
                    return;
                }
                break;
        }
        await next(context);
    }

    /// <summary>The caller of the request; the middleware guarantees one on every non-anonymous route.</summary>
    public static Caller CallerOf(HttpContext context) =>
        context.Items.TryGetValue(CallerItem, out var value) && value is Caller caller
            ? caller
            : throw new InvalidOperationException("no authenticated caller on this request");

    private async Task<Caller?> AuthenticateAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : header.Trim();
        if (token.Length == 0)
        {
            ServerLog.Unauthenticated(logger, context.Request.Method, context.Request.Path, "no token provided");
            await Problems.WriteAsync(context, new ApiError(401, "no token provided"));
            return null;
        }
        if (admin.Matches(token))
        {
            return new Caller("admin", [RoleBinding.SystemAdmin]);
        }
        if (await tokens.AuthenticateAsync(token, context.RequestAborted) is { } apiToken)
        {
            return new Caller("token:" + apiToken.Name, apiToken.Roles);
        }
        ServerLog.Unauthenticated(logger, context.Request.Method, context.Request.Path, "invalid token");
        await Problems.WriteAsync(context, new ApiError(401, "invalid token"));
        return null;
    }

    private async Task DenyAsync(HttpContext context, Caller caller, string reason)
    {
        ServerLog.Denied(logger, context.Request.Method, context.Request.Path, caller.Actor, reason);
        await Problems.WriteAsync(context, ApiError.Forbidden($"{context.Request.Method} {context.Request.Path} is forbidden for {caller.Actor}: {reason}"));
    }
}
