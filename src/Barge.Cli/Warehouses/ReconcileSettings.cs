using System.ComponentModel;
using Barge.Cli.Hosting;
using Spectre.Console.Cli;

namespace Barge.Cli.Warehouses;

internal sealed class ReconcileSettings : GlobalSettings
{
    [CommandOption("--until-idle")]
    [Description("Stop once nothing is pending and no requeue is due within the idle window (default: run until interrupted).")]
    public bool UntilIdle { get; init; }

    [CommandOption("--idle-window <MILLISECONDS>")]
    [Description("With --until-idle: a requeue due within this many milliseconds still counts as work. Default: 1000.")]
    public int IdleWindowMilliseconds { get; init; } = 1000;

    [CommandOption("--promotion-lease <SECONDS>")]
    [Description("How long this process's lease on a running Promotion lasts without renewal; if the process dies, another waits this long to resume it. Default: 15.")]
    public int PromotionLeaseSeconds { get; init; } = 15;

    public override Spectre.Console.ValidationResult Validate() =>
        IdleWindowMilliseconds < 0
            ? Spectre.Console.ValidationResult.Error("--idle-window must not be negative")
            : PromotionLeaseSeconds < 1
                ? Spectre.Console.ValidationResult.Error("--promotion-lease must be at least 1 second")
                : base.Validate();
}
