using Barge.Storage.Postgres;
using Barge.Testing;
using Npgsql;

namespace Barge.Engine.Tests.Replicas;

/// <summary>
/// The PostgreSQL server of the replica tests: <c>$BARGE_TEST_POSTGRES</c> (scripts/test.sh starts one).
/// Each test works in a schema of its own, dropped afterwards. Without the variable the tests fail
/// saying how to run them; they never skip.
/// </summary>
internal static class ReplicaPostgres
{
    public const string EnvironmentVariable = "BARGE_TEST_POSTGRES";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(RepoPaths.UnderCi
                ? $"${EnvironmentVariable} is not set under CI: scripts/test.sh starts PostgreSQL and exports it"
                : $"${EnvironmentVariable} is not set: run scripts/test.sh, or `scripts/services/postgres.sh start /tmp/barge-pg` and export {EnvironmentVariable}");

    public static string NewSchema() => "r_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>One replica's own connection to the shared store (its own pool and change listener).</summary>
    public static Task<PostgresResourceStore> OpenAsync(string schema, TimeProvider? time = null) =>
        PostgresResourceStore.OpenAsync(new PostgresStoreOptions(ConnectionString) { Schema = schema, WatchPollInterval = TimeSpan.FromMilliseconds(500) }, time);

    public static async Task DropAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
