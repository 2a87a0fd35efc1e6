namespace Barge.Server.Auth;

/// <summary>
/// The access policy of one route, attached as endpoint metadata. Every route has exactly one; the
/// authorization middleware refuses a route that has none (fail closed), and a test enumerates the
/// endpoint table to prove it.
/// </summary>
public sealed record Access
{
    private Access(AccessLevel level, ProjectRole? role)
    {
        Level = level;
        Role = role;
    }

    public AccessLevel Level { get; }

    /// <summary>For <see cref="AccessLevel.Project"/>: the least role needed in the route's <c>{project}</c>.</summary>
    public ProjectRole? Role { get; }

    /// <summary>No token needed (health checks, the OpenAPI document).</summary>
    public static Access Anonymous { get; } = new(AccessLevel.Anonymous, null);

    /// <summary>Any valid token; the handler checks per object (the list of projects, <c>/resources</c>).</summary>
    public static Access Authenticated { get; } = new(AccessLevel.Authenticated, null);

    /// <summary>Only a system admin (API tokens, deleting a project).</summary>
    public static Access SystemAdmin { get; } = new(AccessLevel.SystemAdmin, null);

    /// <summary>At least <paramref name="role"/> in the project named by the route's <c>{project}</c>.</summary>
    public static Access Project(ProjectRole role) => new(AccessLevel.Project, role);

    public override string ToString() => Level == AccessLevel.Project ? $"project {Role}" : Level.ToString();
}
