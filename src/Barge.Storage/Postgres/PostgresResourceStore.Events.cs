using Barge.Storage.Events;
using Barge.Storage.Sqlite;
using Npgsql;

namespace Barge.Storage.Postgres;

public sealed partial class PostgresResourceStore
{
    public Task<RecordedEvent> AppendEventAsync(EventEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ValidateEvent(entry);
        return WriteAsync(tx => tx.AppendEventAsync(entry, cancellationToken), cancellationToken);
    }

    private static void ValidateEvent(EventEntry entry)
    {
        entry.Regarding.Validate();
        ArgumentException.ThrowIfNullOrEmpty(entry.Type);
        ArgumentNullException.ThrowIfNull(entry.Message);
    }

    public async Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "event query limit must be between 1 and 1000");
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        var conditions = new List<string>();
        void Add(string column, object? value)
        {
            if (value is not null)
            {
                conditions.Add($"{column} = @{column}");
                command.Parameters.AddWithValue(column, value);
            }
        }
        Add("project", query.Project);
        Add("kind", query.Kind);
        Add("name", query.Name);
        Add("type", query.Type);
        if (query.Since is { } since)
        {
            conditions.Add("time_ms >= @since");
            command.Parameters.AddWithValue("since", since.ToUnixTimeMilliseconds());
        }
        if (query.Until is { } until)
        {
            conditions.Add("time_ms < @until");
            command.Parameters.AddWithValue("until", until.ToUnixTimeMilliseconds());
        }
        if (query.Before is { } before)
        {
            conditions.Add("id < @before");
            command.Parameters.AddWithValue("before", before);
        }
        command.CommandText = "SELECT id, time_ms, project, kind, name, type, message, actor, data FROM events"
            + (conditions.Count > 0 ? " WHERE " + string.Join(" AND ", conditions) : "")
            + " ORDER BY id DESC LIMIT @limit";
        command.Parameters.AddWithValue("limit", query.Limit + 1);
        var items = new List<RecordedEvent>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var entry = new EventEntry(new ResourceKey(reader.GetString(3), reader.GetString(2), reader.GetString(4)), reader.GetString(5), reader.GetString(6))
                {
                    Actor = reader.IsDBNull(7) ? null : reader.GetString(7),
                    Data = reader.IsDBNull(8) ? null : ResourceJson.ReadElement(reader.GetString(8)),
                };
                items.Add(new RecordedEvent(reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), entry));
            }
        }
        if (items.Count > query.Limit)
        {
            items.RemoveAt(items.Count - 1);
            return new EventPage(items, items[^1].Id);
        }
        return new EventPage(items, null);
    }
}
