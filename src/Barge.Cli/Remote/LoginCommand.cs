using System.Text.Json.Nodes;
using Barge.Cli.Hosting;
using Spectre.Console.Cli;

namespace Barge.Cli.Remote;

/// <summary>
/// <c>barge login URL [--token T | token on stdin]</c>: checks the token against the server (an
/// authenticated read of its version) and only then stores URL and token in <c>$BARGE_HOME/config</c>
/// (mode 0600). Later calls select the server with <c>--server URL</c> or <c>$BARGE_SERVER</c>.
/// </summary>
internal sealed class LoginCommand(CliContext cli) : AsyncCommand<LoginSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LoginSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!ServerUrl.TryParse(settings.Url, out var server, out var urlError))
        {
            return cli.Fail(ExitCodes.BadInput, urlError + "; nothing was written");
        }
        var token = settings.Token;
        if (token is null)
        {
            using var reader = new StreamReader(cli.Input, leaveOpen: true);
            token = await reader.ReadLineAsync(cancellationToken);
        }
        token = token?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            return cli.Fail(ExitCodes.BadInput, "no token: give it with --token TOKEN or as the first line of stdin; nothing was written");
        }
        using var client = new BargeClient(server, token);
        var version = await client.GetAsync(BargeClient.Api("system", "server-version"), cancellationToken);
        if (version.Failure is { } failure)
        {
            var reason = failure.Status == 401 ? $"the server at {ServerUrl.Format(server)} refused the token" : failure.Message;
            return cli.Fail(failure.ExitCode, reason + "; nothing was written");
        }
        new RemoteConfig(server, token).Save(cli.Home);
        var serverVersion = version.Value?["version"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "unknown";
        cli.Output.WriteLine($"logged in to {ServerUrl.Format(server)} (barge {serverVersion}); token stored in {RemoteConfig.PathIn(cli.Home)}");
        cli.Output.WriteLine($"use it with --server {ServerUrl.Format(server)} or export {GlobalSettings.ServerEnvironmentVariable}={ServerUrl.Format(server)}");
        return ExitCodes.Success;
    }
}
