namespace Barge.Storage;

/// <summary>
/// One page of a newest-first list (<see cref="IResourceStore.ListPageAsync"/>): the items of the page, how
/// many resources match the query in all, and the store's resourceVersion of the read.
/// </summary>
public sealed record ResourcePage(IReadOnlyList<StoredResource> Items, int Total, long ResourceVersion)
{
    /// <summary>The largest page a store serves.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Refuses a negative offset or a limit outside 1..<see cref="MaxLimit"/>, naming the query.</summary>
    public static void Validate(ResourceQuery query, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrEmpty(query.Kind))
        {
            throw new ArgumentException($"list page {query}: a list names one kind", nameof(query));
        }
        if (offset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"list page {query}: offset must be 0 or more");
        }
        if (limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"list page {query}: limit must be 1 to {MaxLimit}");
        }
    }

    /// <summary>As <see cref="Validate(ResourceQuery, int, int)"/>, and a group path of plain member names.</summary>
    public static void Validate(ResourceQuery query, IReadOnlyList<string> groupPath, int offset, int limit)
    {
        Validate(query, offset, limit);
        ArgumentNullException.ThrowIfNull(groupPath);
        if (groupPath.Count == 0 || groupPath.Any(m => string.IsNullOrEmpty(m) || m.Contains('"', StringComparison.Ordinal) || m.Contains('\\', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"list group pages {query}: group path \"{string.Join('.', groupPath)}\" needs members without quotes or backslashes", nameof(groupPath));
        }
    }

    /// <summary>Collects grouped rows (already in group, then page order) into pages.</summary>
    internal static IReadOnlyDictionary<string, ResourcePage> Group(IEnumerable<(string Group, StoredResource Item, int Total)> rows, long version)
    {
        var items = new Dictionary<string, (List<StoredResource> Items, int Total)>(StringComparer.Ordinal);
        foreach (var (group, item, total) in rows)
        {
            if (!items.TryGetValue(group, out var entry))
            {
                entry = ([], total);
                items[group] = entry;
            }
            entry.Items.Add(item);
        }
        return items.ToDictionary(p => p.Key, p => new ResourcePage(p.Value.Items, p.Value.Total, version), StringComparer.Ordinal);
    }
}
