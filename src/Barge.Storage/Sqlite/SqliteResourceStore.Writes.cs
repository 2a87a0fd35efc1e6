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
        StoreBatch.Validate(operations, events);
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
                    catch (Exception e) when (StoreBatch.IsOperationFailure(e))
                    {
                        throw StoreBatch.AtIndex(e, i);
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
