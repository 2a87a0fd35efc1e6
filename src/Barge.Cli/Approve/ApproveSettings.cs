using System.ComponentModel;
using Barge.Cli.Hosting;
using Spectre.Console.Cli;

namespace Barge.Cli.Approve;

internal sealed class ApproveSettings : ProjectSettings
{
    [CommandOption("--freight <ID>")]
    [Description("The Freight to approve, by name (ID).")]
    public string? Freight { get; init; }

    [CommandOption("--freight-alias <ALIAS>")]
    [Description("The Freight to approve, by alias.")]
    public string? FreightAlias { get; init; }

    [CommandOption("--stage <STAGE>")]
    [Description("The Stage the Freight becomes available to, bypassing verification and soak upstream.")]
    public string? Stage { get; init; }
}
