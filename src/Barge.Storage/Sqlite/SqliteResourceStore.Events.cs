using Barge.Storage.Events;

namespace Barge.Storage.Sqlite;

public sealed partial class SqliteResourceStore
{
    public Task<RecordedEvent> AppendEventAsync(EventEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        EventQuerySql.ValidateEntry(entry);
        return WriteAsync(tx => tx.AppendEvent(entry), cancellationToken);
    }

    public async Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        EventQuerySql.ValidateQuery(query);
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        EventQuerySql.Prepare(command, query, '$');
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await EventQuerySql.ReadPageAsync(reader, query, cancellationToken);
    }
}
