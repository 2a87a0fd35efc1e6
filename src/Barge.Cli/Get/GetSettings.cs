using System.ComponentModel;
using Barge.Cli.Hosting;
using Spectre.Console.Cli;

namespace Barge.Cli.Get;

internal sealed class GetSettings : ProjectSettings
{
    [CommandArgument(0, "<KIND>")]
    [Description("projects, warehouses, freight, stages, promotions (promos), promotiontasks, clusterpromotiontasks, projectconfigs, configmaps, analysistemplates, clusteranalysistemplates.")]
    public string Kind { get; init; } = "";

    [CommandArgument(1, "[NAME]")]
    [Description("Names to show (for freight: name or alias); all when none.")]
    public string[] Names { get; init; } = [];

    [CommandOption("-o|--output <FORMAT>")]
    [Description("table (default), wide, json or yaml.")]
    public string? Output { get; init; }

    [CommandOption("--no-headers")]
    [Description("Tables without the header row.")]
    public bool NoHeaders { get; init; }

    [CommandOption("--stage <STAGE>")]
    [Description("freight: the Freight available to this Stage (-o wide: every Freight of its origins, with why not); promotions: the Stage's Promotions.")]
    public string? Stage { get; init; }

    [CommandOption("--origin|--warehouse <WAREHOUSE>")]
    [Description("freight only: the Freight from this Warehouse.")]
    public string? Origin { get; init; }
}
