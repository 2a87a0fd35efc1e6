using Barge.Engine.Audit;
using Barge.Storage;
using Barge.Storage.Events;

namespace Barge.Engine.Operations;

/// <summary>
/// Reads the audit trail (the audit entries of the store's event log), newest first. The store filters by
/// project, type and time; Stage, origin and actor are filtered here while paging through the log, so a
/// page holds up to <see cref="AuditQuery.Limit"/> matching entries whatever lies between them.
/// </summary>
public sealed class AuditTrail
{
    public const int MaxLimit = 1000;

    private readonly IResourceStore _store;

    public AuditTrail(IResourceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>The page of entries matching <paramref name="query"/>; throws <see cref="ArgumentException"/> for a limit outside 1..1000 or an unknown type.</summary>
    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentException($"limit {query.Limit} is out of range: it must be 1 to {MaxLimit}", nameof(query));
        }
        if (query.Type is { } type && !AuditTypes.All.Contains(type, StringComparer.Ordinal))
        {
            throw new ArgumentException($"audit type \"{type}\" is unknown; known types: {string.Join(", ", AuditTypes.All)}", nameof(query));
        }
        var items = new List<AuditEntry>(query.Limit);
        var before = query.Before;
        while (true)
        {
            var page = await _store.QueryEventsAsync(new EventQuery
            {
                Project = query.Project,
                Type = query.Type,
                Since = query.Since,
                Until = query.Until,
                Before = before,
                Limit = MaxLimit,
            }, cancellationToken);
            foreach (var recorded in page.Items)
            {
                if (AuditRecord.FromEvent(recorded) is { } record && Matches(query, record))
                {
                    if (items.Count == query.Limit)
                    {
                        // One more match exists beyond the page: the cursor continues after the page's last entry.
                        return new AuditPage(items, items[^1].Id);
                    }
                    items.Add(new AuditEntry(recorded.Id, recorded.Timestamp, recorded.Entry.Regarding.Project, record));
                }
            }
            if (page.NextBefore is not { } next)
            {
                return new AuditPage(items, null);
            }
            before = next;
        }
    }

    private static bool Matches(AuditQuery query, AuditRecord record) =>
        (query.Stage is null || record.Stage == query.Stage)
        && (query.Origin is null || record.Origin == query.Origin)
        && (query.Actor is null || record.Actor == query.Actor);
}
