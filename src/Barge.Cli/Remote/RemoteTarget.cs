using Barge.Cli.Hosting;

namespace Barge.Cli.Remote;

/// <summary>
/// Which server a remote call goes to and with which token: the URL from <c>--server</c> or
/// <c>$BARGE_SERVER</c>; the token from <c>$BARGE_TOKEN</c>, else from <c>$BARGE_HOME/config</c> when
/// <c>barge login</c> stored one for that same server (a token is never sent to another server).
/// </summary>
internal static class RemoteTarget
{
    public const string TokenEnvironmentVariable = "BARGE_TOKEN";

    /// <summary>The server URL the call names (<c>--server</c> first), or null for embedded mode.</summary>
    public static string? ServerText(CliContext cli, GlobalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(cli);
        ArgumentNullException.ThrowIfNull(settings);
        return string.IsNullOrEmpty(settings.Server) ? cli.GetEnvironmentVariable(GlobalSettings.ServerEnvironmentVariable) : settings.Server;
    }

    public static RemoteResult<BargeClient> Connect(CliContext cli, string serverText)
    {
        ArgumentNullException.ThrowIfNull(cli);
        if (!ServerUrl.TryParse(serverText, out var server, out var urlError))
        {
            return new RemoteFailure(ExitCodes.BadInput, urlError!);
        }
        if (cli.GetEnvironmentVariable(TokenEnvironmentVariable) is { } token)
        {
            return RemoteResult<BargeClient>.Ok(new BargeClient(server, token));
        }
        var stored = RemoteConfig.Load(cli.Home, out var configError);
        if (configError is not null)
        {
            return new RemoteFailure(ExitCodes.BadInput, configError);
        }
        if (stored is null || stored.Server != server)
        {
            return new RemoteFailure(ExitCodes.BadInput,
                $"no token for server {ServerUrl.Format(server)}: run `barge login {ServerUrl.Format(server)}` or set ${TokenEnvironmentVariable}" +
                (stored is null ? "" : $" (the stored login is for {ServerUrl.Format(stored.Server)})"));
        }
        return RemoteResult<BargeClient>.Ok(new BargeClient(server, stored.Token));
    }
}
