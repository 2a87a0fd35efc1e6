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
        var connection = PostgresConnection.Named(Cli, settings.Store);
        return connection is null
            ? await MigrateSqliteAsync(cancellationToken)
            : await MigratePostgresAsync(connection, settings.Store is not null, settings.Schema, cancellationToken);
    }

    private async Task<int> MigratePostgresAsync(string connection, bool fromOption, string schema, CancellationToken cancellationToken)
    {
        if (PostgresConnection.Parse(connection, fromOption, schema, out var error) is not { } parsed)
        {
            return Cli.Fail(ExitCodes.BadInput, error!);
        }
        try
        {
            var migration = await PostgresResourceStore.MigrateAsync(parsed.Options, cancellationToken);
            Cli.Output.WriteLine($"store {parsed.Description}: {Outcome(migration.FromVersion, migration.ToVersion)}");
            return ExitCodes.Success;
        }
        catch (ArgumentException e)
        {
            return Cli.Fail(ExitCodes.BadInput, e.Message);
        }
        catch (NpgsqlException e)
        {
            return Cli.Fail(ExitCodes.Failed, $"store {parsed.Description}: {e.Message}");
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
