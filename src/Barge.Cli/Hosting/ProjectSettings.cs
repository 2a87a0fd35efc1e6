using System.ComponentModel;
using Spectre.Console.Cli;

namespace Barge.Cli.Hosting;

/// <summary>Options of commands that work inside one project.</summary>
internal class ProjectSettings : GlobalSettings
{
    [CommandOption("-p|--project <PROJECT>")]
    [Description("The project; default: the one set with `barge config set-project`.")]
    public string? Project { get; init; }
}
