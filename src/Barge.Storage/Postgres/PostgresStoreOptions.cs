using System.Text.RegularExpressions;

namespace Barge.Storage.Postgres;

/// <summary>How a <see cref="PostgresResourceStore"/> reaches its database.</summary>
/// <param name="ConnectionString">An Npgsql connection string (<c>Host=…;Port=…;Database=…;Username=…</c>).</param>
public sealed partial record PostgresStoreOptions(string ConnectionString)
{
    /// <summary>
    /// The PostgreSQL schema that holds Barge's tables (created by the first migration); <c>barge</c> by
    /// default. Several Barge installations can share one database under different schemas.
    /// </summary>
    public string Schema { get; init; } = "barge";

    /// <summary>
    /// How long a watch with nothing new waits before it looks at the change table again even without a
    /// notification; 2 s by default. Wake-ups normally come from <c>LISTEN/NOTIFY</c> at once; this only
    /// bounds the delay should a notification be lost while the listening connection reconnects.
    /// </summary>
    public TimeSpan WatchPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a write waits for the store-wide write lock (held by another replica's transaction); 30 s by default.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The channel writes notify and watches listen on (one per schema).</summary>
    internal string Channel => "barge_changes_" + Schema;

    /// <summary>Throws with a message naming the problem when the options cannot work.</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ConnectionString);
        if (!SchemaName().IsMatch(Schema ?? ""))
        {
            throw new ArgumentException(
                $"PostgreSQL store schema \"{Schema}\": a schema name is 1 to 40 lower-case letters, digits and underscores, starting with a letter or underscore",
                nameof(Schema));
        }
        if (WatchPollInterval <= TimeSpan.Zero || LockTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"PostgreSQL store schema \"{Schema}\": WatchPollInterval and LockTimeout must be positive");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,39}$")]
    private static partial Regex SchemaName();
}
