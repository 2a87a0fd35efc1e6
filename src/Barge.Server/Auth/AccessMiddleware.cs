using Barge.Server.Api;
using Barge.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Barge.Server.Auth;

/// <summary>
/// Bearer authentication and route authorization, after routing: the admin token or an API token
/// (<c>Authorization: Bearer …</c>; a header without the prefix is taken whole, as Kargo does), then the
/// route's <see cref="Access"/> policy, then (for project routes) the project's existence. Denials are
/// logged with the actor. The token map and project existence come from <see cref="AccessCache"/> at
/// the request's store version (<see cref="StoreVersions"/>), which the list cache reuses: a cached
/// list costs one shared version read, and a revocation or deletion counts from the next request.
/// </summary>
internal sealed class AccessMiddleware(RequestDelegate next, AdminToken admin, StoreVersions versions, AccessCache access, ILogger<AccessMiddleware> logger)
{
    public const string CallerItem = "barge.caller";

    private static readonly Caller Admin = new("admin", [RoleBinding.SystemAdmin]);

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var policy = endpoint?.Metadata.GetMetadata<Access>();
        if (policy == Access.Anonymous)
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
        if (policy is null)
        {
            await DenyAsync(context, caller, "the route has no access policy");
            return;
        }
        switch (policy.Level)
        {
            case AccessLevel.SystemAdmin when !caller.IsSystemAdmin:
                await DenyAsync(context, caller, "system-admin is required");
                return;
            case AccessLevel.Project:
                var project = context.Request.RouteValues["project"] as string ?? "";
                if (!caller.Can(project, policy.Role!.Value))
                {
                    await DenyAsync(context, caller, $"{policy.Role.Value.ToString().ToLowerInvariant()} in project \"{project}\" is required");
                    return;
                }
                var version = await versions.OfRequestAsync(context);
                if (!await access.ProjectExistsAsync(project, version, context.RequestAborted))
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
            return Admin;
        }
        if (ApiTokens.HasTokenPrefix(token))
        {
            var version = await versions.OfRequestAsync(context);
            if (await access.AuthenticateAsync(token, version, context.RequestAborted) is { } caller)
            {
                return caller;
            }
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
