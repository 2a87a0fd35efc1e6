using System.ComponentModel;
using Barge.Cli.Hosting;
using Spectre.Console.Cli;

namespace Barge.Cli.Promote;

internal sealed class PromoteSettings : ProjectSettings
{
    [CommandOption("--stage <STAGE>")]
    [Description("The Stage to promote into.")]
    public string? Stage { get; init; }

    [CommandOption("--freight <ID>")]
    [Description("The Freight to promote, by name (ID).")]
    public string? Freight { get; init; }

    [CommandOption("--freight-alias <ALIAS>")]
    [Description("The Freight to promote, by alias.")]
    public string? FreightAlias { get; init; }

    [CommandOption("--warehouse <WAREHOUSE>")]
    [Description("Promote the newest Freight from this Warehouse that is available to the Stage.")]
    public string? Warehouse { get; init; }

    [CommandOption("--downstream-from <STAGE>")]
    [Description("Promote the Freight (verified in this Stage) to every Stage directly downstream of it; the controllers run the Promotions.")]
    public string? DownstreamFrom { get; init; }

    [CommandOption("--wait")]
    [Description("Wait until the Promotion is terminal (the default in embedded mode, which runs the pipeline controller in this process until then).")]
    public bool Wait { get; init; }

    [CommandOption("--no-wait")]
    [Description("Only create the Promotion and return; a controller running elsewhere (barge reconcile, barge serve) runs it.")]
    public bool NoWait { get; init; }

    [CommandOption("--dry-run")]
    [Description("Run the steps against scratch copies, skip steps with side effects, print each repository's diff; store nothing.")]
    public bool DryRun { get; init; }

    [CommandOption("--abort <PROMOTION>")]
    [Description("Abort a Promotion that is not terminal yet.")]
    public string? Abort { get; init; }
}
