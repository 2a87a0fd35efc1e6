using Barge.Cli.Hosting;
using Barge.Cli.Remote;

namespace Barge.Cli.Configuration;

/// <summary><c>barge config set-project P</c>: stores the default project in <c>$BARGE_HOME/config.json</c>.</summary>
internal sealed class SetProjectCommand(CliContext cli) : BargeCommand<SetProjectSettings>(cli)
{
    protected override RemoteMode Remote => RemoteMode.RunsLocally;

    protected override Task<int> RunAsync(SetProjectSettings settings, CancellationToken cancellationToken)
    {
        if (!DnsNames.IsLabel(settings.Project))
        {
            return Task.FromResult(Cli.Fail(ExitCodes.BadInput, $"project name \"{settings.Project}\" is not valid: {DnsNames.LabelRule}"));
        }
        var config = CliConfig.Load(Cli.Home, out var error);
        if (error is not null)
        {
            return Task.FromResult(Cli.Fail(ExitCodes.BadInput, error));
        }
        (config with { Project = settings.Project }).Save(Cli.Home);
        Cli.Output.WriteLine($"default project set to \"{settings.Project}\"");
        return Task.FromResult(ExitCodes.Success);
    }
}
