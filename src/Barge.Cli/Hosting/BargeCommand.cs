using Barge.Cli.Configuration;
using Barge.Cli.Remote;
using Spectre.Console.Cli;

namespace Barge.Cli.Hosting;

/// <summary>
/// The base of every command: chooses embedded or remote mode (<c>--server</c> / <c>$BARGE_SERVER</c>)
/// before the command runs, and resolves the project from <c>-p</c> or the CLI config. A command that
/// goes through the REST API says so with <see cref="Remote"/> and implements <see cref="RunRemoteAsync"/>.
/// </summary>
internal abstract class BargeCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : GlobalSettings
{
    protected BargeCommand(CliContext cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        Cli = cli;
    }

    protected CliContext Cli { get; }

    /// <summary>What this command does in remote mode. Default: not supported yet.</summary>
    protected virtual RemoteMode Remote => RemoteMode.NotYet;

    /// <summary>For a <see cref="RemoteMode.LocalOnly"/> command: what to do instead with a server, appended to the refusal.</summary>
    protected virtual string? LocalOnlyHint => null;

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var server = RemoteTarget.ServerText(Cli, settings);
        if (server is null || Remote == RemoteMode.RunsLocally)
        {
            return await RunAsync(settings, cancellationToken);
        }
        var name = CommandName(context);
        switch (Remote)
        {
            case RemoteMode.LocalOnly:
                return Cli.Fail(ExitCodes.BadInput, $"`{name}` runs on this machine only; it does not take --server (unset ${GlobalSettings.ServerEnvironmentVariable})" +
                    (LocalOnlyHint is { } hint ? "; " + hint : ""));
            case RemoteMode.Supported:
                var connected = RemoteTarget.Connect(Cli, server);
                if (connected.Failure is { } failure)
                {
                    return Cli.Fail(failure.ExitCode, failure.Message);
                }
                using (var client = connected.Value!)
                {
                    return await RunRemoteAsync(settings, client, cancellationToken);
                }
            default:
                return Cli.Fail(ExitCodes.BadInput,
                    $"`{name}` is not supported in remote mode yet (server \"{server}\" from {(string.IsNullOrEmpty(settings.Server) ? "$" + GlobalSettings.ServerEnvironmentVariable : "--server")}); " +
                    "drop --server and unset $BARGE_SERVER to use the embedded store in $BARGE_HOME");
        }
    }

    /// <summary>The command through the REST API; only called when <see cref="Remote"/> is <see cref="RemoteMode.Supported"/>.</summary>
    protected virtual Task<int> RunRemoteAsync(TSettings settings, BargeClient client, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"{GetType().Name} declares remote support without implementing it");

    /// <summary>Reports a failed API call: the server's validation lines first, then one <c>error:</c> line.</summary>
    protected int Fail(RemoteFailure failure) => RemoteReport.Fail(Cli, failure);

    /// <summary>How the user typed the command: <c>get</c>, <c>refresh warehouse</c>, <c>token create</c>.</summary>
    private static string CommandName(CommandContext context)
    {
        var arguments = context.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == context.Name)
            {
                return i > 0 && !arguments[i - 1].StartsWith('-') ? arguments[i - 1] + " " + context.Name : context.Name;
            }
        }
        return context.Name;
    }

    protected abstract Task<int> RunAsync(TSettings settings, CancellationToken cancellationToken);

    /// <summary>The project from <c>-p</c>, else from <c>barge config set-project</c>; null after reporting why not.</summary>
    protected string? ResolveProject(ProjectSettings settings, out int exitCode)
    {
        ArgumentNullException.ThrowIfNull(settings);
        exitCode = ExitCodes.Success;
        if (!string.IsNullOrEmpty(settings.Project))
        {
            return settings.Project;
        }
        var config = CliConfig.Load(Cli.Home, out var error);
        if (error is not null)
        {
            exitCode = Cli.Fail(ExitCodes.BadInput, error);
            return null;
        }
        if (config.Project is null)
        {
            exitCode = Cli.Fail(ExitCodes.BadInput, "project is required: pass -p PROJECT or set a default with `barge config set-project PROJECT`");
            return null;
        }
        return config.Project;
    }
}
