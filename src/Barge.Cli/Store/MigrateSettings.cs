using System.ComponentModel;
using Barge.Cli.Hosting;
using Spectre.Console.Cli;

namespace Barge.Cli.Store;

internal sealed class MigrateSettings : GlobalSettings
{
    public const string StoreEnvironmentVariable = "BARGE_STORE";

    [CommandOption("--store <CONNECTION>")]
    [Description("A PostgreSQL connection string (Host=…;Port=…;Database=…;Username=…), also $BARGE_STORE. Without it: the embedded SQLite store in $BARGE_HOME.")]
    public string? Store { get; init; }

    [CommandOption("--schema <NAME>")]
    [Description("With a PostgreSQL store: the schema that holds Barge's tables. Default: barge.")]
    public string Schema { get; init; } = "barge";
}
