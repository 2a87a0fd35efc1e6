namespace Barge.Server.Ui;

/// <summary>
/// One signed-in browser: the opaque cookie id (only its SHA-256 is stored), the SHA-256 of the server
/// token it signed in with (re-checked on every request, so a revoked API token ends the session at once),
/// the CSRF token its forms carry (derived from the id, so every replica can check it) and when it expires.
/// </summary>
internal sealed record UiSession(string Id, string TokenHash, string Csrf, DateTimeOffset ExpiresAt);
