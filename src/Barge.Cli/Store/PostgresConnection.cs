using Barge.Cli.Hosting;
using Barge.Storage.Postgres;

namespace Barge.Cli.Store;

/// <summary>
/// The PostgreSQL store a command names with <c>--store</c> or <c>$BARGE_STORE</c>, checked before any
/// connection: <c>barge migrate</c> and <c>barge serve</c> parse it the same way and never echo it
/// (it may hold a password).
/// </summary>
internal sealed record PostgresConnection(PostgresStoreOptions Options, string Description)
{
    /// <summary>The connection string of <paramref name="store"/>, else of the environment; null for none.</summary>
    public static string? Named(CliContext cli, string? store) =>
        store ?? cli.GetEnvironmentVariable(MigrateSettings.StoreEnvironmentVariable);

    /// <summary>Parses <paramref name="connection"/>; the error names its source, not its text.</summary>
    public static PostgresConnection? Parse(string connection, bool fromOption, string schema, out string? error)
    {
        var source = fromOption ? "--store" : "$" + MigrateSettings.StoreEnvironmentVariable;
        var options = new PostgresStoreOptions(connection) { Schema = schema };
        try
        {
            error = null;
            return new PostgresConnection(options, PostgresResourceStore.Describe(options));
        }
        catch (ArgumentException e)
        {
            // Npgsql's message names the bad keyword; the connection string itself may hold a password.
            error = $"{source} is not a PostgreSQL connection string (Host=…;Port=…;Database=…;Username=…): {e.Message}";
            return null;
        }
    }
}
