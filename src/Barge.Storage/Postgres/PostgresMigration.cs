namespace Barge.Storage.Postgres;

/// <summary>What a migration run did: the schema version it found and the version it left.</summary>
public sealed record PostgresMigration(int FromVersion, int ToVersion)
{
    /// <summary>How many migrations ran (0 when the schema was already current).</summary>
    public int Applied => ToVersion - FromVersion;
}
