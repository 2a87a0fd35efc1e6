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
}
