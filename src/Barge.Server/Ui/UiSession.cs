namespace Barge.Server.Ui;

/// <summary>
/// One signed-in browser: the opaque cookie id, the server token it signed in with (kept server-side
/// only, re-checked on every request so a deleted API token ends the session), the CSRF token its
/// forms carry, and when it expires.
/// </summary>
internal sealed record UiSession(string Id, string Token, string Csrf, DateTimeOffset ExpiresAt);
