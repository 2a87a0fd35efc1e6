namespace Barge.Server.Auth;

/// <summary>An API token as listed: its name, grants, creator and creation time; never its value.</summary>
public sealed record ApiToken(string Name, IReadOnlyList<RoleBinding> Roles, string CreatedBy, DateTimeOffset CreatedAt);
