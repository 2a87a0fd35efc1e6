using Barge.Cli.Hosting;
using Barge.Cli.Store;
using Barge.Storage;
using Barge.Storage.Postgres;
using Npgsql;

namespace Barge.Cli.Serve;

/// <summary>
/// The store <c>barge serve</c> runs on: PostgreSQL when <c>--store</c> or <c>$BARGE_STORE</c> names
/// one (parsed as <c>barge migrate</c> does), else the embedded SQLite store in <c>$BARGE_HOME</c>.
/// A PostgreSQL schema is brought up to date under the store's advisory lock, so replicas that start
/// together migrate it once; a schema written by a newer Barge is refused.
/// </summary>
internal sealed record ServeStore(IResourceStore Store, string Kind, string Description, bool Shared)
{
    /// <summary>Opens the store, or returns the exit code and message of why it cannot be used.</summary>
    public static async Task<(ServeStore? Store, int ExitCode, string? Error)> OpenAsync(CliContext cli, ServeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cli);
        ArgumentNullException.ThrowIfNull(settings);
        var connection = PostgresConnection.Named(cli, settings.Store);
        if (connection is null)
        {
            if (settings.Schema is not null || settings.LeaseTtl is not null || settings.ReplicaId is not null)
            {
                return (null, ExitCodes.BadInput, $"--schema, --lease-ttl and --replica-id need a PostgreSQL store (--store or ${MigrateSettings.StoreEnvironmentVariable}); the embedded SQLite store has one process and no leases");
            }
            var sqlite = await EmbeddedStore.OpenForWriteAsync(cli, cancellationToken);
            return (new ServeStore(sqlite, "sqlite", cli.Home.DatabasePath, Shared: false), ExitCodes.Success, null);
        }
        if (PostgresConnection.Parse(connection, settings.Store is not null, settings.Schema ?? "barge", out var error) is not { } parsed)
        {
            return (null, ExitCodes.BadInput, error);
        }
        try
        {
            var store = await PostgresResourceStore.OpenAsync(parsed.Options, cli.Time, cancellationToken: cancellationToken);
            return (new ServeStore(store, "postgresql", store.Description, Shared: true), ExitCodes.Success, null);
        }
        catch (ArgumentException e)
        {
            return (null, ExitCodes.BadInput, e.Message);
        }
        catch (NpgsqlException e)
        {
            return (null, ExitCodes.Failed, $"store {parsed.Description}: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            return (null, ExitCodes.Failed, e.Message);
        }
    }
}
