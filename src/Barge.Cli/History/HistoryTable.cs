using System.Globalization;
using Barge.Cli.Output;
using Barge.Engine.Operations;

namespace Barge.Cli.History;

/// <summary>
/// The history as a table: time (UTC), type, Stage, Freight (alias, else the ID's first 7 characters),
/// origin, actor, phase, and the commits pushed or else the message. Wide adds the Promotion and duration.
/// </summary>
internal static class HistoryTable
{
    public static TableWriter Build(IReadOnlyList<AuditEntry> entries, bool wide)
    {
        ArgumentNullException.ThrowIfNull(entries);
        string[] headers = wide
            ? ["TIME", "TYPE", "STAGE", "FREIGHT", "ORIGIN", "ACTOR", "PHASE", "PROMOTION", "DURATION", "MESSAGE"]
            : ["TIME", "TYPE", "STAGE", "FREIGHT", "ORIGIN", "ACTOR", "PHASE", "MESSAGE"];
        var table = new TableWriter(headers);
        foreach (var entry in entries)
        {
            var record = entry.Record;
            var freight = record.FreightAlias ?? (record.Freight is { Length: > 7 } id ? id[..7] : record.Freight);
            var message = record.Commits is { Count: > 0 } commits ? string.Join(",", commits) : record.Message;
            var time = entry.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            table.AddRow(wide
                ? [time, record.Type, record.Stage, freight, record.Origin, record.Actor, record.Phase, record.Promotion, Duration(record.DurationMilliseconds), message]
                : [time, record.Type, record.Stage, freight, record.Origin, record.Actor, record.Phase, message]);
        }
        return table;
    }

    private static string? Duration(long? milliseconds) =>
        milliseconds is { } ms ? HumanDuration.Format(TimeSpan.FromMilliseconds(ms)) : null;
}
