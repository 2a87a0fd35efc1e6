using Barge.Server.Api;
using Barge.Server.Auth;
using Barge.Storage;
using Microsoft.AspNetCore.Http;

namespace Barge.Server.Ui;

/// <summary>
/// The UI's checks, in the API's terms: a session (else a redirect to sign-in), the caller's role in the
/// project by the same <see cref="Caller.Can"/> the API uses (else 403), the project's existence (else
/// 404) and, on every form post, the session's CSRF token (else 403, as a refused role).
/// </summary>
internal static class UiGuard
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static async Task<(UiUser? User, IResult? Failure)> ViewAsync(HttpContext context, UiSessions sessions, IResourceStore store, string project, ProjectRole role)
    {
        if (await sessions.ResolveAsync(context) is not { } user)
        {
            return (null, ToSignIn());
        }
        return await RoleFailureAsync(context, user, project, role) is { } failure ? (null, failure) : (user, null);
    }

    /// <summary>For a form post: session, CSRF token, then the role in the project (when one is given).</summary>
    public static async Task<(UiUser? User, IResult? Failure)> FormAsync(HttpContext context, UiSessions sessions, string? project, ProjectRole? role)
    {
        if (await sessions.ResolveAsync(context) is not { } user)
        {
            return (null, SeeOther(UiRoutes.Prefix + "/signin"));
        }
        if (!context.Request.HasFormContentType)
        {
            return (null, Error(user, ApiError.Forbidden("the request is not a form post; the CSRF token is missing")));
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!UiSessions.CsrfMatches(user.Session, form[UiRoutes.CsrfField].ToString()))
        {
            return (null, Error(user, ApiError.Forbidden("the form's CSRF token is missing or invalid; reload the page and try again")));
        }
        if (project is not null && role is { } needed && await RoleFailureAsync(context, user, project, needed) is { } failure)
        {
            return (null, failure);
        }
        return (user, null);
    }

    public static IResult Page(string html, int status = 200) => new HtmlResult(html, status);

    public static IResult Error(UiUser user, ApiError error) =>
        Page(UiLayout.Message(error.Status switch { 403 => "Forbidden", 404 => "Not found", 409 => "Conflict", _ => "Request failed" }, user, error.Message), error.Status);

    public static IResult ToSignIn() => Results.Redirect(UiRoutes.Prefix + "/signin");

    /// <summary>303: after a form post, the browser follows with a GET.</summary>
    public static IResult SeeOther(string location) => new SeeOtherResult(location);

    private static async Task<IResult?> RoleFailureAsync(HttpContext context, UiUser user, string project, ProjectRole role)
    {
        if (!user.Caller.Can(project, role))
        {
            return Error(user, ApiError.Forbidden($"{role.ToString().ToLowerInvariant()} in project \"{project}\" is required; {user.Caller.Actor} does not have it"));
        }
        var store = context.RequestServices.GetService(typeof(IResourceStore)) as IResourceStore
            ?? throw new InvalidOperationException("no resource store is registered");
        return await store.GetAsync(ResourceKey.Cluster("Project", project), context.RequestAborted) is null
            ? Error(user, ApiError.NotFound($"projects.kargo.akuity.io \"{project}\" not found"))
            : null;
    }

    private sealed class HtmlResult(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.CacheControl = "no-store";
            response.Headers.ContentSecurityPolicy = Csp;
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.XFrameOptions = "DENY";
            return response.WriteAsync(html, httpContext.RequestAborted);
        }
    }

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
