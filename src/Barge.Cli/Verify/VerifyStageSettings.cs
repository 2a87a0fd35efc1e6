using System.ComponentModel;
using Barge.Cli.Hosting;
using Spectre.Console.Cli;

namespace Barge.Cli.Verify;

internal sealed class VerifyStageSettings : ProjectSettings
{
    [CommandArgument(0, "<STAGE>")]
    [Description("The Stage whose current Freight is verified again.")]
    public string Stage { get; init; } = "";

    [CommandOption("--abort")]
    [Description("Abort the running verification instead.")]
    public bool Abort { get; init; }
}
