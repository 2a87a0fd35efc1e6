using Barge.Storage.Events;
using Npgsql;

namespace Barge.Storage.Postgres;

public sealed partial class PostgresResourceStore
{
    public Task<RecordedEvent> AppendEventAsync(EventEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        EventQuerySql.ValidateEntry(entry);
        return WriteAsync(tx => tx.AppendEventAsync(entry, cancellationToken), cancellationToken);
    }

    public async Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        EventQuerySql.ValidateQuery(query);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        EventQuerySql.Prepare(command, query, '@');
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await EventQuerySql.ReadPageAsync(reader, query, cancellationToken);
    }
}
