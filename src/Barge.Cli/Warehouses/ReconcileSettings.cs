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

    public override Spectre.Console.ValidationResult Validate() =>
        IdleWindowMilliseconds < 0
            ? Spectre.Console.ValidationResult.Error("--idle-window must not be negative")
            : base.Validate();
}
