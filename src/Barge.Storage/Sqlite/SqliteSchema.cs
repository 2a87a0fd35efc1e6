using Microsoft.Data.Sqlite;

namespace Barge.Storage.Sqlite;

/// <summary>
/// The schema as a versioned list of migrations. <c>PRAGMA user_version</c> records how many have run;
/// opening a store runs the missing ones in one write transaction, so two processes opening a fresh
/// file at once do not both migrate.
/// </summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        // 1: resources, their labels, the change feed with its version counter, the event log, leases.
        """
        CREATE TABLE resources (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            project TEXT NOT NULL,
            name TEXT NOT NULL,
            api_version TEXT NOT NULL,
            uid TEXT NOT NULL,
            resource_version INTEGER NOT NULL,
            generation INTEGER NOT NULL,
            labels TEXT NOT NULL,
            annotations TEXT NOT NULL,
            created_ms INTEGER NOT NULL,
            deleted_ms INTEGER,
            spec TEXT NOT NULL,
            status TEXT,
            UNIQUE (kind, project, name)
        );
        CREATE TABLE resource_labels (
            resource_id INTEGER NOT NULL,
            kind TEXT NOT NULL,
            project TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (resource_id, key)
        ) WITHOUT ROWID;
        CREATE INDEX ix_labels_in_project ON resource_labels (kind, project, key, value);
        CREATE INDEX ix_labels_any_project ON resource_labels (kind, key, value);
        CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO counters (name, value) VALUES ('resource_version', 0), ('compacted_through', 0);
        CREATE TABLE changes (
            version INTEGER PRIMARY KEY,
            type INTEGER NOT NULL,
            kind TEXT NOT NULL,
            project TEXT NOT NULL,
            object TEXT NOT NULL
        );
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            time_ms INTEGER NOT NULL,
            project TEXT NOT NULL,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            message TEXT NOT NULL,
            actor TEXT,
            data TEXT
        );
        CREATE INDEX ix_events_regarding ON events (project, kind, name, id);
        CREATE INDEX ix_events_type ON events (type, id);
        CREATE INDEX ix_events_time ON events (time_ms);
        CREATE TABLE leases (
            name TEXT PRIMARY KEY,
            holder TEXT NOT NULL,
            term INTEGER NOT NULL,
            acquired_ms INTEGER NOT NULL,
            expires_ms INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,
    ];

    /// <summary>The schema version this build writes and reads.</summary>
    public static int CurrentVersion => Migrations.Count;

    /// <summary>Runs the migrations the file lacks; refuses a file written by a newer Barge.</summary>
    public static int Migrate(SqliteConnection connection, string path)
    {
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();
        try
        {
            var version = ReadVersion(connection);
            if (version > CurrentVersion)
            {
                throw new InvalidOperationException(
                    $"store {path}: schema version {version} is newer than this Barge understands ({CurrentVersion}); upgrade Barge");
            }
            for (var i = version; i < CurrentVersion; i++)
            {
                using var migrate = connection.CreateCommand();
                migrate.CommandText = Migrations[i] + $";\nPRAGMA user_version = {i + 1};";
                migrate.ExecuteNonQuery();
            }
            using var commit = connection.CreateCommand();
            commit.CommandText = "COMMIT";
            commit.ExecuteNonQuery();
            return CurrentVersion - version;
        }
        catch
        {
            using var rollback = connection.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
            throw;
        }
    }

    public static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
