using System.ComponentModel;
using Barge.Cli.Hosting;
using Spectre.Console.Cli;

namespace Barge.Cli.Configuration;

internal sealed class SetProjectSettings : GlobalSettings
{
    [CommandArgument(0, "<PROJECT>")]
    [Description("The project later commands use when they get no -p.")]
    public string Project { get; init; } = "";
}
