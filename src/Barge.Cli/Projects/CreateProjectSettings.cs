using System.ComponentModel;
using Barge.Cli.Hosting;
using Spectre.Console.Cli;

namespace Barge.Cli.Projects;

internal sealed class CreateProjectSettings : GlobalSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The new project's name (a DNS-1123 label).")]
    public string Name { get; init; } = "";
}
