using System.Globalization;
using Barge.Storage.Postgres;
using Barge.Testing;
using Npgsql;

namespace Barge.Storage.Tests.Postgres;

/// <summary>
/// The PostgreSQL server the tests use: <c>$BARGE_TEST_POSTGRES</c>, an Npgsql connection string that
/// scripts/test.sh exports after starting a throw-away cluster. Each test gets a schema of its own
/// (created by the store's first migration, dropped afterwards), which is much cheaper than a database.
/// Without the variable every PostgreSQL test fails with a message saying how to run them; it is
/// never a silent skip.
/// </summary>
internal static class PostgresTestServer
{
    public const string EnvironmentVariable = "BARGE_TEST_POSTGRES";

    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
            throw new InvalidOperationException(RepoPaths.UnderCi
                ? $"${EnvironmentVariable} is not set under CI: scripts/test.sh starts PostgreSQL and exports it; the PostgreSQL store tests cannot run"
                : $"${EnvironmentVariable} is not set: run scripts/test.sh (it starts a throw-away PostgreSQL), or start one with "
                  + $"`scripts/services/postgres.sh start /tmp/barge-pg` and export {EnvironmentVariable}=<the connection string it prints>");
        }
    }

    /// <summary>A schema name no other test uses.</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..16];

    public static PostgresStoreOptions Options(string schema) => new(ConnectionString) { Schema = schema };

    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string schema, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }
}
