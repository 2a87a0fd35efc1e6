using System.Data.Common;
using Barge.Storage.Sqlite;

namespace Barge.Storage.Events;

/// <summary>
/// The event log's checks and its query, the same on every store: the SQL is portable, only the
/// parameter marker differs (<c>$</c> for SQLite, <c>@</c> for PostgreSQL).
/// </summary>
internal static class EventQuerySql
{
    public static void ValidateEntry(EventEntry entry)
    {
        entry.Regarding.Validate();
        ArgumentException.ThrowIfNullOrEmpty(entry.Type);
        ArgumentNullException.ThrowIfNull(entry.Message);
    }

    public static void ValidateQuery(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "event query limit must be between 1 and 1000");
        }
    }

    /// <summary>Sets the command's text and parameters: newest first, one row more than the limit to know whether a page follows.</summary>
    public static void Prepare(DbCommand command, EventQuery query, char marker)
    {
        var conditions = new List<string>();
        void Add(string condition, string name, object? value)
        {
            if (value is null)
            {
                return;
            }
            conditions.Add(condition.Replace("?", marker + name, StringComparison.Ordinal));
            var parameter = command.CreateParameter();
            parameter.ParameterName = marker + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        Add("project = ?", "project", query.Project);
        Add("kind = ?", "kind", query.Kind);
        Add("name = ?", "name", query.Name);
        Add("type = ?", "type", query.Type);
        Add("time_ms >= ?", "since", query.Since?.ToUnixTimeMilliseconds());
        Add("time_ms < ?", "until", query.Until?.ToUnixTimeMilliseconds());
        Add("id < ?", "before", query.Before);
        command.CommandText = "SELECT id, time_ms, project, kind, name, type, message, actor, data FROM events"
            + (conditions.Count > 0 ? " WHERE " + string.Join(" AND ", conditions) : "")
            + $" ORDER BY id DESC LIMIT {marker}limit";
        var limit = command.CreateParameter();
        limit.ParameterName = marker + "limit";
        limit.Value = query.Limit + 1;
        command.Parameters.Add(limit);
    }

    /// <summary>Reads the rows of a command <see cref="Prepare"/>d into a page.</summary>
    public static async Task<EventPage> ReadPageAsync(DbDataReader reader, EventQuery query, CancellationToken cancellationToken)
    {
        var items = new List<RecordedEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = new EventEntry(new ResourceKey(reader.GetString(3), reader.GetString(2), reader.GetString(4)), reader.GetString(5), reader.GetString(6))
            {
                Actor = reader.IsDBNull(7) ? null : reader.GetString(7),
                Data = reader.IsDBNull(8) ? null : ResourceJson.ReadElement(reader.GetString(8)),
            };
            items.Add(new RecordedEvent(reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), entry));
        }
        if (items.Count > query.Limit)
        {
            items.RemoveAt(items.Count - 1);
            return new EventPage(items, items[^1].Id);
        }
        return new EventPage(items, null);
    }
}
