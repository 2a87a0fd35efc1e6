using Barge.Cli.Hosting;

namespace Barge.Cli.Approve;

/// <summary>
/// Who a command acts as in embedded mode: there is no login, so the operating system user is recorded
/// as Kargo records an authenticated subject (<c>subject:&lt;user&gt;</c>), else <c>admin</c>.
/// </summary>
internal static class LocalActor
{
    public static string Of(CliContext cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        return cli.GetEnvironmentVariable("USER") is { } user ? "subject:" + user : "admin";
    }
}
