using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Barge.Server.Auth;
using Microsoft.AspNetCore.Http;

namespace Barge.Server.Ui;

/// <summary>
/// Server-side UI sessions, in memory (a restart signs everyone out). Sign-in checks a server token
/// exactly as the API's bearer authentication does (the admin token or an API token), so the UI's
/// roles are the API's roles. The cookie is HttpOnly, SameSite=Strict, and Secure under TLS.
/// </summary>
internal sealed class UiSessions(AdminToken admin, ApiTokens tokens, TimeProvider time)
{
    public const string CookieName = "barge_session";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<string, UiSession> _sessions = new(StringComparer.Ordinal);

    /// <summary>The caller of a token, as the API's bearer check sees it; null for an unknown token.</summary>
    public async Task<Caller?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }
        token = token.Trim();
        if (admin.Matches(token))
        {
            return new Caller("admin", [RoleBinding.SystemAdmin]);
        }
        return await tokens.AuthenticateAsync(token, cancellationToken) is { } apiToken
            ? new Caller("token:" + apiToken.Name, apiToken.Roles)
            : null;
    }

    /// <summary>Starts a session for a checked token and sets its cookie.</summary>
    public UiSession Start(HttpContext context, string token)
    {
        var session = new UiSession(RandomId(), token.Trim(), RandomId(), time.GetUtcNow() + Lifetime);
        _sessions[session.Id] = session;
        context.Response.Cookies.Append(CookieName, session.Id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = Lifetime,
        });
        return session;
    }

    /// <summary>The signed-in user of a request: a live session whose token is still valid; null otherwise.</summary>
    public async Task<UiUser?> ResolveAsync(HttpContext context)
    {
        var id = context.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(id) || !_sessions.TryGetValue(id, out var session))
        {
            return null;
        }
        if (session.ExpiresAt <= time.GetUtcNow())
        {
            _sessions.TryRemove(id, out _);
            return null;
        }
        var caller = await AuthenticateAsync(session.Token, context.RequestAborted);
        if (caller is null)
        {
            _sessions.TryRemove(id, out _);
            return null;
        }
        return new UiUser(caller, session);
    }

    /// <summary>Ends the request's session (if any) and clears its cookie.</summary>
    public void End(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is { Length: > 0 } id)
        {
            _sessions.TryRemove(id, out _);
        }
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps });
    }

    /// <summary>Whether a submitted CSRF token is the session's (constant-time).</summary>
    public static bool CsrfMatches(UiSession session, string? submitted) =>
        submitted is { Length: > 0 }
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(session.Csrf), Encoding.UTF8.GetBytes(submitted));

    private static string RandomId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
}
