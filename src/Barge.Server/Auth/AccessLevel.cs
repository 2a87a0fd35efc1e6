namespace Barge.Server.Auth;

/// <summary>Who may call a route; see <see cref="Access"/>.</summary>
public enum AccessLevel
{
    Anonymous,
    Authenticated,
    SystemAdmin,
    Project,
}
