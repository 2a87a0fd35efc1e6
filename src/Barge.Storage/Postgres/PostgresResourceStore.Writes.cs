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
        StoreBatch.Validate(operations, events);
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
                    catch (Exception e) when (StoreBatch.IsOperationFailure(e))
                    {
                        throw StoreBatch.AtIndex(e, i);
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
