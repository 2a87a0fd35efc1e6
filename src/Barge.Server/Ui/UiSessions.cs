using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Barge.Server.Auth;
using Barge.Storage;
using Microsoft.AspNetCore.Http;

namespace Barge.Server.Ui;

/// <summary>
/// UI sessions, persisted in the store as cluster-scoped <c>UiSession</c> records (as API tokens are), so a
/// restart or another replica on the same store keeps them. A record is named by the SHA-256 of the session
/// id (the id itself lives only in the browser's cookie) and holds the SHA-256 of the server token, created,
/// last seen and expiry. Expiry slides: a session used within <see cref="Lifetime"/> of its last use stays
/// signed in (last seen is written at most once per <see cref="TouchInterval"/>). Sign-out deletes the record.
/// The token is re-checked on every request exactly as the API's bearer check does (admin token or a live API
/// token), so the UI's roles are the API's roles and revoking a token ends its sessions at once.
/// The cookie is HttpOnly, SameSite=Strict, and Secure under TLS.
/// </summary>
internal sealed class UiSessions(AdminToken admin, ApiTokens tokens, IResourceStore store, TimeProvider time)
{
    public const string CookieName = "barge_session";

    /// <summary>The pre-session cookie of the sign-in form's double-submit CSRF token.</summary>
    public const string SignInCookieName = "barge_signin";

    public const string Kind = "UiSession";

    /// <summary>How long an unused session lives.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private const string ApiVersion = "barge.dev/v1";

    /// <summary>The caller of a token, as the API's bearer check sees it; null for an unknown token.</summary>
    public async Task<Caller?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }
        return await CallerOfHashAsync(ApiTokens.Hash(token.Trim()), cancellationToken);
    }

    /// <summary>Starts a session for a checked token, stores it and sets its cookie.</summary>
    public async Task<UiSession> StartAsync(HttpContext context, string token)
    {
        var now = time.GetUtcNow();
        var id = RandomId();
        var session = new UiSession(id, ApiTokens.Hash(token.Trim()), CsrfOf(id), now + Lifetime);
        await store.CreateAsync(new NewResource(Key(id), ApiVersion, Spec(session.TokenHash, now, now, session.ExpiresAt)), context.RequestAborted);
        SetCookie(context, id);
        await SweepAsync(now, context.RequestAborted);
        return session;
    }

    /// <summary>The signed-in user of a request: a stored, unexpired session whose token is still valid; null otherwise.</summary>
    public async Task<UiUser?> ResolveAsync(HttpContext context)
    {
        var id = context.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(id) || id.Length != 64)
        {
            return null;
        }
        var cancellationToken = context.RequestAborted;
        var stored = await store.GetAsync(Key(id), cancellationToken);
        if (stored is null || !TryRead(stored.Spec, out var tokenHash, out var created, out var lastSeen, out var expires))
        {
            return null;
        }
        var now = time.GetUtcNow();
        if (expires <= now)
        {
            await DeleteAsync(stored.Key, cancellationToken);
            return null;
        }
        if (await CallerOfHashAsync(tokenHash, cancellationToken) is not { } caller)
        {
            await DeleteAsync(stored.Key, cancellationToken);
            return null;
        }
        if (now - lastSeen >= TouchInterval)
        {
            expires = now + Lifetime;
            try
            {
                await store.UpdateAsync(ResourceUpdate.From(stored, Spec(tokenHash, created, now, expires)), cancellationToken);
                SetCookie(context, id);
            }
            catch (ResourceStoreException)
            {
                // Another request (or replica) touched it at the same moment: its write stands.
            }
        }
        return new UiUser(caller, new UiSession(id, tokenHash, CsrfOf(id), expires));
    }

    /// <summary>Ends the request's session (if any): deletes its record and clears its cookie.</summary>
    public async Task EndAsync(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is { Length: 64 } id)
        {
            await DeleteAsync(Key(id), context.RequestAborted);
        }
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps });
    }

    /// <summary>The sign-in form's CSRF token: the pre-session cookie's value, set when the browser has none.</summary>
    public static string SignInCsrf(HttpContext context)
    {
        if (context.Request.Cookies[SignInCookieName] is { Length: 64 } existing && existing.All(char.IsAsciiHexDigitLower))
        {
            return existing;
        }
        var value = RandomId();
        context.Response.Cookies.Append(SignInCookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = UiRoutes.Prefix + "/signin",
            MaxAge = TimeSpan.FromHours(1),
        });
        return value;
    }

    /// <summary>Whether the sign-in form's hidden field matches its pre-session cookie (double submit, constant-time).</summary>
    public static bool SignInCsrfMatches(HttpContext context, string? submitted) =>
        context.Request.Cookies[SignInCookieName] is { Length: 64 } cookie && Same(cookie, submitted);

    /// <summary>Whether a submitted CSRF token is the session's (constant-time).</summary>
    public static bool CsrfMatches(UiSession session, string? submitted) => Same(session.Csrf, submitted);

    private static bool Same(string expected, string? submitted) =>
        submitted is { Length: > 0 }
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(submitted));

    private async Task<Caller?> CallerOfHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        if (admin.MatchesHash(tokenHash))
        {
            return new Caller("admin", [RoleBinding.SystemAdmin]);
        }
        return await tokens.AuthenticateHashAsync(tokenHash, cancellationToken) is { } apiToken
            ? new Caller("token:" + apiToken.Name, apiToken.Roles)
            : null;
    }

    // Drops the records of sessions that expired without signing out.
    private async Task SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(ResourceQuery.OfKind(Kind, ""), cancellationToken);
        foreach (var stored in all.Items)
        {
            if (!TryRead(stored.Spec, out _, out _, out _, out var expires) || expires <= now)
            {
                await DeleteAsync(stored.Key, cancellationToken);
            }
        }
    }

    private async Task DeleteAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteAsync(key, cancellationToken: cancellationToken);
        }
        catch (ResourceNotFoundException)
        {
            // Already gone (signed out elsewhere, or swept).
        }
    }

    private static void SetCookie(HttpContext context, string id) =>
        context.Response.Cookies.Append(CookieName, id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = Lifetime,
        });

    private static ResourceKey Key(string id) => ResourceKey.Cluster(Kind, ApiTokens.Hash(id));

    private static string CsrfOf(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("barge-ui-csrf:" + id)));

    private static JsonElement Spec(string tokenHash, DateTimeOffset created, DateTimeOffset lastSeen, DateTimeOffset expires) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["tokenSha256"] = tokenHash,
            ["createdAt"] = created.ToString("O", CultureInfo.InvariantCulture),
            ["lastSeenAt"] = lastSeen.ToString("O", CultureInfo.InvariantCulture),
            ["expiresAt"] = expires.ToString("O", CultureInfo.InvariantCulture),
        });

    private static bool TryRead(JsonElement spec, out string tokenHash, out DateTimeOffset created, out DateTimeOffset lastSeen, out DateTimeOffset expires)
    {
        tokenHash = "";
        created = lastSeen = expires = default;
        return spec.ValueKind == JsonValueKind.Object
            && spec.TryGetProperty("tokenSha256", out var hash) && hash.ValueKind == JsonValueKind.String && hash.GetString() is { } h && (tokenHash = h).Length == 64
            && Time(spec, "createdAt", out created) && Time(spec, "lastSeenAt", out lastSeen) && Time(spec, "expiresAt", out expires);
    }

    private static bool Time(JsonElement spec, string name, out DateTimeOffset value)
    {
        value = default;
        return spec.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
    }

    private static string RandomId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
