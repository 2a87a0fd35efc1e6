using System.Data;
using System.Runtime.CompilerServices;
using Barge.Storage.Sqlite;
using Barge.Storage.Watching;
using Npgsql;

namespace Barge.Storage.Postgres;

public sealed partial class PostgresResourceStore
{
    /// <summary>
    /// Tails the <c>changes</c> table by version, as SQLite's watch does. When there is nothing new it
    /// waits for a wake-up: a commit of this store instance, or a notification on the store's channel
    /// (a commit of any replica), or — should the listening connection have been down — the poll
    /// interval. The watcher takes the signal's next task before it reads, so a commit between its read
    /// and its wait still wakes it; versions commit in order, so "above the last delivered" never skips
    /// and never repeats a change.
    /// </summary>
    public async IAsyncEnumerable<ResourceChange> WatchAsync(
        long fromVersion,
        ResourceQuery? filter = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromVersion);
        filter ??= ResourceQuery.All;
        await _listener.EnsureStartedAsync(cancellationToken);
        await foreach (var change in ChangeFeedTail.RunAsync(fromVersion, filter, ReadChangesAsync, _signal, _options.WatchPollInterval, _time, cancellationToken))
        {
            yield return change;
        }
    }

    public Task<long> CompactChangesAsync(long throughVersion, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(throughVersion);
        return WriteAsync(
            async tx =>
            {
                await using var batch = new NpgsqlBatch(tx.Connection);
                var horizon = new NpgsqlBatchCommand("""
                    UPDATE counters SET value = greatest(value, least(@through, (SELECT value FROM counters WHERE name = 'resource_version')))
                    WHERE name = 'compacted_through'
                    """);
                horizon.Parameters.AddWithValue("through", throughVersion);
                batch.BatchCommands.Add(horizon);
                batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM changes WHERE version <= (SELECT value FROM counters WHERE name = 'compacted_through')"));
                await batch.ExecuteNonQueryAsync(cancellationToken);
                return (long)batch.BatchCommands[1].RecordsAffected;
            },
            cancellationToken);
    }

    private async Task<List<ResourceChange>> ReadChangesAsync(long after, ResourceQuery filter, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // The horizon and the changes come from one snapshot, so a compaction between the two reads
        // cannot turn into a silent gap.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var compactedThrough = await ReadCounterAsync(connection, "compacted_through", cancellationToken);
        if (after < compactedThrough)
        {
            throw new ChangesCompactedException(after, compactedThrough);
        }
        // Kind and project narrow the scan in SQL; labels and fields are tested on the object.
        await using var command = new NpgsqlCommand(
            "SELECT version, type, object FROM changes WHERE version > @after"
            + (filter.Kind is null ? "" : " AND kind = @kind")
            + (filter.Project is null ? "" : " AND project = @project")
            + " ORDER BY version LIMIT @limit",
            connection);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("limit", ChangeFeedTail.PageSize);
        if (filter.Kind is not null)
        {
            command.Parameters.AddWithValue("kind", filter.Kind);
        }
        if (filter.Project is not null)
        {
            command.Parameters.AddWithValue("project", filter.Project);
        }
        var changes = new List<ResourceChange>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                changes.Add(new ResourceChange(
                    (ChangeType)reader.GetInt16(1),
                    reader.GetInt64(0),
                    ResourceJson.ReadResource(System.Text.Encoding.UTF8.GetBytes(reader.GetString(2)))));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return changes;
    }
}
