using System.ComponentModel;
using Barge.Cli.Hosting;
using Spectre.Console.Cli;

namespace Barge.Cli.History;

internal sealed class HistorySettings : ProjectSettings
{
    [CommandOption("--stage <STAGE>")]
    [Description("Only entries about this Stage.")]
    public string? Stage { get; init; }

    [CommandOption("--origin|--warehouse <WAREHOUSE>")]
    [Description("Only entries about Freight from this Warehouse.")]
    public string? Origin { get; init; }

    [CommandOption("--actor <ACTOR>")]
    [Description("Only entries caused by this actor (e.g. subject:jane, controller:stage-controller).")]
    public string? Actor { get; init; }

    [CommandOption("--type <TYPE>")]
    [Description("Only entries of this type: FreightCreated, FreightApproved, PromotionCreated, PromotionStarted, PromotionFinished, VerificationStarted, VerificationFinished.")]
    public string? Type { get; init; }

    [CommandOption("--since <TIME>")]
    [Description("Only entries at or after this time: RFC 3339 (2026-01-02T03:04:05Z) or a duration back from now (90m, 24h).")]
    public string? Since { get; init; }

    [CommandOption("--until <TIME>")]
    [Description("Only entries before this time: RFC 3339 or a duration back from now.")]
    public string? Until { get; init; }

    [CommandOption("--limit <N>")]
    [Description("At most this many entries, newest first (1 to 1000). Default: 100.")]
    public int Limit { get; init; } = 100;

    [CommandOption("-o|--output <FORMAT>")]
    [Description("table (default), wide, json or yaml.")]
    public string? Output { get; init; }

    [CommandOption("--no-headers")]
    [Description("The table without the header row.")]
    public bool NoHeaders { get; init; }
}
