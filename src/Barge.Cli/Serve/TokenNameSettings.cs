using System.ComponentModel;
using Barge.Cli.Hosting;
using Spectre.Console.Cli;

namespace Barge.Cli.Serve;

internal sealed class TokenNameSettings : GlobalSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The token's name.")]
    public string Name { get; init; } = "";
}
