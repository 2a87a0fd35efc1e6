namespace Barge.Server.Auth;

/// <summary>
/// The authenticated subject of a request: the actor recorded on what it creates (<c>admin</c> or
/// <c>token:&lt;name&gt;</c>) and what it may do.
/// </summary>
public sealed record Caller(string Actor, IReadOnlyList<RoleBinding> Bindings)
{
    public bool IsSystemAdmin => Bindings.Any(b => b.IsSystemAdmin);

    /// <summary>The caller's role in a project (system admins are admins everywhere); null for none.</summary>
    public ProjectRole? RoleIn(string project)
    {
        if (IsSystemAdmin)
        {
            return ProjectRole.Admin;
        }
        ProjectRole? best = null;
        foreach (var binding in Bindings)
        {
            if (binding.Project == project && (best is null || binding.Role > best))
            {
                best = binding.Role;
            }
        }
        return best;
    }

    public bool Can(string project, ProjectRole role) => RoleIn(project) is { } held && held >= role;
}
