using System.ComponentModel;
using Barge.Cli.Hosting;
using Spectre.Console.Cli;

namespace Barge.Cli.Apply;

internal sealed class ApplySettings : ProjectSettings
{
    [CommandOption("-f|--filename <PATH>")]
    [Description("A manifest file, a directory (read recursively: .yaml, .yml, .json) or - for stdin. Repeatable.")]
    public string[] Files { get; init; } = [];
}
