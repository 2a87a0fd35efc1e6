using System.ComponentModel;
using Barge.Cli.Hosting;
using Spectre.Console.Cli;

namespace Barge.Cli.Serve;

internal sealed class TokenCreateSettings : GlobalSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The token's name (lower-case letters, digits, '-').")]
    public string Name { get; init; } = "";

    [CommandOption("--role <ROLE>")]
    [Description("system-admin, or viewer|promoter|admin@PROJECT; repeatable.")]
    public string[] Roles { get; init; } = [];
}
