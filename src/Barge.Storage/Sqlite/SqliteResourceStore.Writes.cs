using System.Text.Json;
using Barge.Storage.Events;

namespace Barge.Storage.Sqlite;

public sealed partial class SqliteResourceStore
{
    public Task<StoredResource> CreateAsync(NewResource resource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return WriteAsync(tx => tx.Create(resource), cancellationToken);
    }

    public Task<StoredResource> UpdateAsync(ResourceUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return WriteAsync(tx => tx.Update(update), cancellationToken);
    }

    public Task<StoredResource> UpdateStatusAsync(ResourceKey key, long expectedResourceVersion, JsonElement status, CancellationToken cancellationToken = default) =>
        WriteAsync(tx => tx.UpdateStatus(key, expectedResourceVersion, status), cancellationToken);

    public Task<StoredResource> DeleteAsync(ResourceKey key, long? expectedResourceVersion = null, CancellationToken cancellationToken = default) =>
        WriteAsync(tx => tx.Delete(key, expectedResourceVersion), cancellationToken);

    public Task<IReadOnlyList<StoredResource>> ApplyAsync(IReadOnlyList<StoreOperation> operations, CancellationToken cancellationToken = default) =>
        ApplyAsync(operations, [], cancellationToken);

    public Task<IReadOnlyList<StoredResource>> ApplyAsync(IReadOnlyList<StoreOperation> operations, IReadOnlyList<EventEntry> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var entry in events)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(events));
            ValidateEvent(entry);
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
        return WriteAsync<IReadOnlyList<StoredResource>>(
            tx =>
            {
                var results = new StoredResource[operations.Count];
                for (var i = 0; i < operations.Count; i++)
                {
                    try
                    {
                        results[i] = tx.Apply(operations[i]);
                    }
                    catch (ResourceConflictException e)
                    {
                        throw new ResourceConflictException(e.Key, e.ActualResourceVersion, e.ExpectedResourceVersion) { BatchIndex = i };
                    }
                    catch (ResourceNotFoundException e)
                    {
                        throw new ResourceNotFoundException(e.Key) { BatchIndex = i };
                    }
                    catch (ResourceAlreadyExistsException e)
                    {
                        throw new ResourceAlreadyExistsException(e.Key) { BatchIndex = i };
                    }
                }
                foreach (var entry in events)
                {
                    tx.AppendEvent(entry);
                }
                return results;
            },
            cancellationToken);
    }
}
