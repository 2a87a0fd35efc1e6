using Npgsql;

namespace Barge.Storage.Postgres;

/// <summary>
/// The schema as a versioned list of migrations, recorded one row per migration in
/// <c>schema_migrations</c>. <see cref="MigrateAsync"/> runs the missing ones while holding a session
/// advisory lock keyed on the schema name, so several replicas starting at once migrate exactly once:
/// the first runs the scripts, the others wait on the lock and then find nothing left to do.
/// </summary>
internal static class PostgresSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        // 1: resources, their labels, the change feed with its version counter, the event log, leases.
        // Text columns that are compared or ordered use the "C" collation: byte order, as SQLite and
        // ordinal string comparison have it, whatever the database's locale.
        """
        CREATE TABLE resources (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            kind text COLLATE "C" NOT NULL,
            project text COLLATE "C" NOT NULL,
            name text COLLATE "C" NOT NULL,
            api_version text NOT NULL,
            uid text NOT NULL,
            resource_version bigint NOT NULL,
            generation bigint NOT NULL,
            labels json NOT NULL,
            annotations json NOT NULL,
            created_ms bigint NOT NULL,
            deleted_ms bigint,
            spec json NOT NULL,
            status json,
            CONSTRAINT uq_resources_key UNIQUE (kind, project, name)
        );
        CREATE TABLE resource_labels (
            resource_id bigint NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
            kind text COLLATE "C" NOT NULL,
            project text COLLATE "C" NOT NULL,
            key text COLLATE "C" NOT NULL,
            value text COLLATE "C" NOT NULL,
            PRIMARY KEY (resource_id, key)
        );
        CREATE INDEX ix_labels_in_project ON resource_labels (kind, project, key, value);
        CREATE INDEX ix_labels_any_project ON resource_labels (kind, key, value);
        CREATE TABLE counters (name text PRIMARY KEY, value bigint NOT NULL);
        INSERT INTO counters (name, value) VALUES ('resource_version', 0), ('compacted_through', 0);
        CREATE TABLE changes (
            version bigint PRIMARY KEY,
            type smallint NOT NULL,
            kind text COLLATE "C" NOT NULL,
            project text COLLATE "C" NOT NULL,
            object text NOT NULL
        );
        CREATE TABLE events (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            time_ms bigint NOT NULL,
            project text COLLATE "C" NOT NULL,
            kind text COLLATE "C" NOT NULL,
            name text COLLATE "C" NOT NULL,
            type text COLLATE "C" NOT NULL,
            message text NOT NULL,
            actor text,
            data json
        );
        CREATE INDEX ix_events_regarding ON events (project, kind, name, id);
        CREATE INDEX ix_events_type ON events (type, id);
        CREATE INDEX ix_events_time ON events (time_ms);
        CREATE TABLE leases (
            name text COLLATE "C" PRIMARY KEY,
            holder text NOT NULL,
            term bigint NOT NULL,
            acquired_ms bigint NOT NULL,
            expires_ms bigint NOT NULL
        );
        """,
    ];

    /// <summary>The schema version this build writes and reads.</summary>
    public static int CurrentVersion => Migrations.Count;

    /// <summary>
    /// Brings the schema up to date; refuses a schema written by a newer Barge. Returns the version
    /// found before and the number of migrations applied.
    /// </summary>
    public static async Task<PostgresMigration> MigrateAsync(NpgsqlDataSource dataSource, PostgresStoreOptions options, string description, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // A session lock (not a transaction one) so it spans the per-migration transactions; the key is
        // derived from the schema so two installations in one database never wait on each other.
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(hashtextextended('barge-migrate:' || @schema, 0))", cancellationToken, ("schema", options.Schema));
        try
        {
            await ExecuteAsync(connection, $"""
                CREATE SCHEMA IF NOT EXISTS "{options.Schema}";
                CREATE TABLE IF NOT EXISTS "{options.Schema}".schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
                """, cancellationToken);
            await using var read = new NpgsqlCommand($"""SELECT coalesce(max(version), 0) FROM "{options.Schema}".schema_migrations""", connection);
            var found = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (found > CurrentVersion)
            {
                throw new InvalidOperationException(
                    $"store {description}: schema version {found} is newer than this Barge understands ({CurrentVersion}); upgrade Barge");
            }
            for (var version = found + 1; version <= CurrentVersion; version++)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, $"""SET LOCAL search_path TO "{options.Schema}";""" + "\n" + Migrations[version - 1], cancellationToken);
                await ExecuteAsync(connection, $"""INSERT INTO "{options.Schema}".schema_migrations (version) VALUES (@version)""", cancellationToken, ("version", version));
                await transaction.CommitAsync(cancellationToken);
            }
            return new PostgresMigration(found, CurrentVersion);
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(hashtextextended('barge-migrate:' || @schema, 0))", CancellationToken.None, ("schema", options.Schema));
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
