using System.ComponentModel;
using Barge.Cli.Hosting;
using Spectre.Console.Cli;

namespace Barge.Cli.Delete;

internal sealed class DeleteSettings : ProjectSettings
{
    [CommandArgument(0, "[KIND]")]
    [Description("The kind of what to delete (as for `barge get`).")]
    public string? Kind { get; init; }

    [CommandArgument(1, "[NAME]")]
    [Description("Names to delete (for freight: name or alias).")]
    public string[] Names { get; init; } = [];

    [CommandOption("-f|--filename <PATH>")]
    [Description("Delete what these manifests describe (file, directory or - for stdin). Repeatable.")]
    public string[] Files { get; init; } = [];
}
