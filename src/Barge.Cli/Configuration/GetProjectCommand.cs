using Barge.Cli.Hosting;
using Barge.Cli.Remote;

namespace Barge.Cli.Configuration;

/// <summary><c>barge config get-project</c>: prints the default project; exit 1 when none is set.</summary>
internal sealed class GetProjectCommand(CliContext cli) : BargeCommand<GlobalSettings>(cli)
{
    protected override RemoteMode Remote => RemoteMode.RunsLocally;

    protected override Task<int> RunAsync(GlobalSettings settings, CancellationToken cancellationToken)
    {
        var config = CliConfig.Load(Cli.Home, out var error);
        if (error is not null)
        {
            return Task.FromResult(Cli.Fail(ExitCodes.BadInput, error));
        }
        if (config.Project is null)
        {
            return Task.FromResult(Cli.Fail(ExitCodes.Failed, "no default project is set; use `barge config set-project PROJECT`"));
        }
        Cli.Output.WriteLine(config.Project);
        return Task.FromResult(ExitCodes.Success);
    }
}
