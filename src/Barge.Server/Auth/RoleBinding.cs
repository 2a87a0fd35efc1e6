using System.Diagnostics.CodeAnalysis;

namespace Barge.Server.Auth;

/// <summary>
/// One grant of a token: <c>system-admin</c> (every project, every route), or a <see cref="ProjectRole"/>
/// in one project. Written as text <c>system-admin</c> or <c>&lt;role&gt;@&lt;project&gt;</c>
/// (<c>promoter@grommet</c>), in the CLI and in the API's <c>roles</c> array.
/// </summary>
public sealed record RoleBinding(string? Project, ProjectRole Role)
{
    public const string SystemAdminText = "system-admin";

    public static RoleBinding SystemAdmin { get; } = new(null, ProjectRole.Admin);

    /// <summary>True for the system-wide administrator binding.</summary>
    public bool IsSystemAdmin => Project is null;

    public static bool TryParse(string text, [NotNullWhen(true)] out RoleBinding? binding, [NotNullWhen(false)] out string? error)
    {
        binding = null;
        error = null;
        if (text == SystemAdminText)
        {
            binding = SystemAdmin;
            return true;
        }
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == text.Length - 1)
        {
            error = $"role binding \"{text}\": expected \"system-admin\" or \"<viewer|promoter|admin>@<project>\"";
            return false;
        }
        ProjectRole? role = text[..at] switch
        {
            "viewer" => ProjectRole.Viewer,
            "promoter" => ProjectRole.Promoter,
            "admin" => ProjectRole.Admin,
            _ => null,
        };
        if (role is null)
        {
            error = $"role binding \"{text}\": unknown role \"{text[..at]}\" (viewer, promoter or admin)";
            return false;
        }
        binding = new RoleBinding(text[(at + 1)..], role.Value);
        return true;
    }

    public override string ToString() => IsSystemAdmin ? SystemAdminText : $"{Role.ToString().ToLowerInvariant()}@{Project}";
}
