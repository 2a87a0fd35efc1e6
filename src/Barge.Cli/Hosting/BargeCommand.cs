using Barge.Cli.Configuration;
using Spectre.Console.Cli;

namespace Barge.Cli.Hosting;

/// <summary>
/// The base of every command: refuses remote mode (issue 7 builds it) before the command runs, and
/// resolves the project from <c>-p</c> or the CLI config.
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

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var server = settings.Server ?? Cli.GetEnvironmentVariable(GlobalSettings.ServerEnvironmentVariable);
        if (server is not null)
        {
            return Cli.Fail(ExitCodes.BadInput,
                $"remote mode (server \"{server}\" from {(settings.Server is null ? "$" + GlobalSettings.ServerEnvironmentVariable : "--server")}) is not supported yet; " +
                "drop --server and unset $BARGE_SERVER to use the embedded store in $BARGE_HOME");
        }
        return await RunAsync(settings, cancellationToken);
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
