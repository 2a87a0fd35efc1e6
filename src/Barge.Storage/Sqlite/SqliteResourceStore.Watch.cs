using System.Runtime.CompilerServices;
using Barge.Storage.Watching;
using Microsoft.Data.Sqlite;

namespace Barge.Storage.Sqlite;

public sealed partial class SqliteResourceStore
{
    /// <summary>
    /// Tails the <c>changes</c> table by version. Each round reads the changes above the last one
    /// delivered (in pages); when there are none it waits for whichever comes first: this process
    /// committing a write (<see cref="ChangeSignal"/>), or the poll interval, which is how writes of
    /// other processes on the same file are seen. Because versions commit in order (see the class
    /// remarks), "above the last delivered" never skips a change and never repeats one.
    /// </summary>
    public async IAsyncEnumerable<ResourceChange> WatchAsync(
        long fromVersion,
        ResourceQuery? filter = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromVersion);
        filter ??= ResourceQuery.All;
        await foreach (var change in ChangeFeedTail.RunAsync(fromVersion, filter, ReadChangesAsync, _signal, _options.WatchPollInterval, _time, cancellationToken))
        {
            yield return change;
        }
    }

    public Task<long> CompactChangesAsync(long throughVersion, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(throughVersion);
        return WriteAsync(
            tx =>
            {
                var horizon = tx.Command("compactHorizon", """
                    UPDATE counters SET value = max(value, min($through, (SELECT value FROM counters WHERE name = 'resource_version')))
                    WHERE name = 'compacted_through'
                    """);
                horizon.Parameters["$through"].Value = throughVersion;
                horizon.ExecuteNonQuery();
                var drop = tx.Command("compactDrop", "DELETE FROM changes WHERE version <= (SELECT value FROM counters WHERE name = 'compacted_through')");
                return (long)drop.ExecuteNonQuery();
            },
            cancellationToken);
    }

    private async Task<List<ResourceChange>> ReadChangesAsync(long after, ResourceQuery filter, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        // The horizon and the changes come from one snapshot, so a compaction between the two reads
        // cannot turn into a silent gap.
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using (var horizon = connection.CreateCommand())
        {
            horizon.Transaction = transaction;
            horizon.CommandText = "SELECT value FROM counters WHERE name = 'compacted_through'";
            var compactedThrough = (long)(await horizon.ExecuteScalarAsync(cancellationToken))!;
            if (after < compactedThrough)
            {
                throw new ChangesCompactedException(after, compactedThrough);
            }
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Kind and project narrow the scan in SQL; labels and fields are tested on the object.
        command.CommandText = "SELECT version, type, object FROM changes WHERE version > $after"
            + (filter.Kind is null ? "" : " AND kind = $kind")
            + (filter.Project is null ? "" : " AND project = $project")
            + " ORDER BY version LIMIT $limit";
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$limit", ChangeFeedTail.PageSize);
        if (filter.Kind is not null)
        {
            command.Parameters.AddWithValue("$kind", filter.Kind);
        }
        if (filter.Project is not null)
        {
            command.Parameters.AddWithValue("$project", filter.Project);
        }
        var changes = new List<ResourceChange>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new ResourceChange((ChangeType)reader.GetInt32(1), reader.GetInt64(0), ResourceJson.ReadResource(reader.GetFieldValue<byte[]>(2))));
        }
        return changes;
    }
}
