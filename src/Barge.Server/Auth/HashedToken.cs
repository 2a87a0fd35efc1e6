namespace Barge.Server.Auth;

/// <summary>An API token as stored: the lower-case hex SHA-256 of its value, and what it grants.</summary>
internal sealed record HashedToken(string Sha256, ApiToken Token);
