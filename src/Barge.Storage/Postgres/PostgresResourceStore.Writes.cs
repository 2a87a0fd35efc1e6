using System.Text.Json;
using Barge.Storage.Events;

namespace Barge.Storage.Postgres;

public sealed partial class PostgresResourceStore
{
    public Task<StoredResource> CreateAsync(NewResource resource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return WriteAsync(tx => tx.CreateAsync(resource, cancellationToken), cancellationToken);
    }

    public Task<StoredResource> UpdateAsync(ResourceUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return WriteAsync(tx => tx.UpdateAsync(update, cancellationToken), cancellationToken);
    }

    public Task<StoredResource> UpdateStatusAsync(ResourceKey key, long expectedResourceVersion, JsonElement status, CancellationToken cancellationToken = default) =>
        WriteAsync(tx => tx.UpdateStatusAsync(key, expectedResourceVersion, status, cancellationToken), cancellationToken);

    public Task<StoredResource> DeleteAsync(ResourceKey key, long? expectedResourceVersion = null, CancellationToken cancellationToken = default) =>
        WriteAsync(tx => tx.DeleteAsync(key, expectedResourceVersion, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<StoredResource>> ApplyAsync(IReadOnlyList<StoreOperation> operations, CancellationToken cancellationToken = default) =>
        ApplyAsync(operations, [], cancellationToken);

    public async Task<IReadOnlyList<StoredResource>> ApplyAsync(IReadOnlyList<StoreOperation> operations, IReadOnlyList<EventEntry> events, CancellationToken cancellationToken = default)
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
                // As in SQLite: the second write's precondition would see the first's result; refuse it.
                throw new ArgumentException($"batch operation {i}: {operation.Key} is written twice in one batch", nameof(operations));
            }
        }
        if (operations.Count == 0 && events.Count == 0)
        {
            return [];
        }
        return await WriteAsync<IReadOnlyList<StoredResource>>(
            async tx =>
            {
                var results = new StoredResource[operations.Count];
                for (var i = 0; i < operations.Count; i++)
                {
                    try
                    {
                        results[i] = await tx.ApplyAsync(operations[i], cancellationToken);
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
                    await tx.AppendEventAsync(entry, cancellationToken);
                }
                return results;
            },
            cancellationToken);
    }
}
