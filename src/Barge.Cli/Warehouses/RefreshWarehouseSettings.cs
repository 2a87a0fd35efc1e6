using System.ComponentModel;
using Barge.Cli.Hosting;
using Spectre.Console.Cli;

namespace Barge.Cli.Warehouses;

internal sealed class RefreshWarehouseSettings : ProjectSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The Warehouse to refresh.")]
    public string Name { get; init; } = "";

    [CommandOption("--wait")]
    [Description("Wait until the refresh is handled (always so in embedded mode, where barge runs the discovery itself).")]
    public bool Wait { get; init; }
}
