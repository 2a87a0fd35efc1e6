using Barge.Storage.Events;

namespace Barge.Storage;

/// <summary>The rules of <see cref="IResourceStore.ApplyAsync"/> that every store shares.</summary>
internal static class StoreBatch
{
    /// <summary>Refuses null entries, invalid events and a resource written twice in one batch.</summary>
    public static void Validate(IReadOnlyList<StoreOperation> operations, IReadOnlyList<EventEntry> events)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var entry in events)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(events));
            EventQuerySql.ValidateEntry(entry);
        }
        var keys = new HashSet<ResourceKey>();
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i] ?? throw new ArgumentException($"batch operation {i} is null", nameof(operations));
            if (!keys.Add(operation.Key))
            {
                // Two writes to one resource in one batch would have the second's precondition see the
                // first's result; refuse it rather than guess which the caller meant.
                throw new ArgumentException($"batch operation {i}: {operation.Key} is written twice in one batch", nameof(operations));
            }
        }
    }

    /// <summary>Whether <see cref="AtIndex"/> knows the failure (a precondition of one operation).</summary>
    public static bool IsOperationFailure(Exception e) =>
        e is ResourceConflictException or ResourceNotFoundException or ResourceAlreadyExistsException;

    /// <summary>The same failure, naming the batch operation it came from.</summary>
    public static ResourceStoreException AtIndex(Exception e, int index) => e switch
    {
        ResourceConflictException c => new ResourceConflictException(c.Key, c.ActualResourceVersion, c.ExpectedResourceVersion) { BatchIndex = index },
        ResourceNotFoundException n => new ResourceNotFoundException(n.Key) { BatchIndex = index },
        ResourceAlreadyExistsException a => new ResourceAlreadyExistsException(a.Key) { BatchIndex = index },
        _ => throw new ArgumentException("not an operation failure", nameof(e), e),
    };
}
