using System.Text.Json;
using Barge.Storage;

namespace Barge.Storage.ProcessHost;

/// <summary>The read-modify-write loop the concurrency tests run in-process and in this second process.</summary>
internal static class Counter
{
    public static async Task<int> IncrementAsync(IResourceStore store, ResourceKey key, int times)
    {
        var conflicts = 0;
        for (var i = 0; i < times; i++)
        {
            while (true)
            {
                var current = await store.GetAsync(key) ?? throw new InvalidOperationException($"{key} not found");
                var next = current.Spec.GetProperty("count").GetInt64() + 1;
                using var spec = JsonDocument.Parse($$"""{"count":{{next}}}""");
                try
                {
                    await store.UpdateAsync(ResourceUpdate.From(current, spec.RootElement));
                    break;
                }
                catch (ResourceConflictException)
                {
                    conflicts++;
                }
            }
        }
        return conflicts;
    }
}
