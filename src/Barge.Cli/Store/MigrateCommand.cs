using System.Globalization;
using Barge.Cli.Hosting;
using Barge.Cli.Remote;
using Barge.Storage.Postgres;
using Barge.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Barge.Cli.Store;

/// <summary>
/// <c>barge migrate</c>: brings a store's schema up to date and says what it did. A PostgreSQL store
/// (<c>--store</c> or <c>$BARGE_STORE</c>) is migrated under its advisory lock, so running it while
/// replicas start is safe; without one, the embedded SQLite store in <c>$BARGE_HOME</c> is created or
/// migrated. A store written by a newer Barge is refused (exit 1) and left untouched.
/// </summary>
internal sealed class MigrateCommand(CliContext cli) : BargeCommand<MigrateSettings>(cli)
{
    protected override RemoteMode Remote => RemoteMode.LocalOnly;

    protected override async Task<int> RunAsync(MigrateSettings settings, CancellationToken cancellationToken)
    {
        var connection = settings.Store ?? Cli.GetEnvironmentVariable(MigrateSettings.StoreEnvironmentVariable);
        return connection is null
            ? await MigrateSqliteAsync(cancellationToken)
            : await MigratePostgresAsync(connection, settings.Store is null ? "$" + MigrateSettings.StoreEnvironmentVariable : "--store", settings.Schema, cancellationToken);
    }

    private async Task<int> MigratePostgresAsync(string connection, string source, string schema, CancellationToken cancellationToken)
    {
        var options = new PostgresStoreOptions(connection) { Schema = schema };
        string description;
        try
        {
            description = PostgresResourceStore.Describe(options);
        }
        catch (ArgumentException e)
        {
            // Npgsql's message names the bad keyword; the connection string itself may hold a password.
            return Cli.Fail(ExitCodes.BadInput, $"{source} is not a PostgreSQL connection string (Host=…;Port=…;Database=…;Username=…): {e.Message}");
        }
        try
        {
            var migration = await PostgresResourceStore.MigrateAsync(options, cancellationToken);
            Cli.Output.WriteLine($"store {description}: {Outcome(migration.FromVersion, migration.ToVersion)}");
            return ExitCodes.Success;
        }
        catch (ArgumentException e)
        {
            return Cli.Fail(ExitCodes.BadInput, e.Message);
        }
        catch (NpgsqlException e)
        {
            return Cli.Fail(ExitCodes.Failed, $"store {description}: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            return Cli.Fail(ExitCodes.Failed, e.Message);
        }
    }

    private async Task<int> MigrateSqliteAsync(CancellationToken cancellationToken)
    {
        var path = Cli.Home.DatabasePath;
        int before;
        try
        {
            before = File.Exists(path) ? ReadUserVersion(path) : 0;
            await using var store = await EmbeddedStore.OpenForWriteAsync(Cli, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            return Cli.Fail(ExitCodes.Failed, e.Message);
        }
        catch (SqliteException e)
        {
            return Cli.Fail(ExitCodes.Failed, $"store {path}: {e.Message}");
        }
        Cli.Output.WriteLine($"store {path}: {Outcome(before, SqliteResourceStore.SchemaVersion)}");
        return ExitCodes.Success;
    }

    private static string Outcome(int from, int to) => from == to
        ? $"schema version {to}, up to date"
        : $"schema version {from} -> {to} ({to - from} migration{(to - from == 1 ? "" : "s")} applied)";

    private static int ReadUserVersion(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
