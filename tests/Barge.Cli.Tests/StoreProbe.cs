using Barge.Resources.Model;
using Barge.Storage;
using Barge.Storage.Sqlite;

namespace Barge.Cli.Tests;

/// <summary>Looks into the store a test's commands wrote, through the store's own API.</summary>
internal static class StoreProbe
{
    public static async Task<SqliteResourceStore> OpenAsync(string home) =>
        await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(home, "barge.db")));

    /// <summary>How many resources of every kind are stored (0 when the store file was never created).</summary>
    public static async Task<int> CountAllAsync(string home)
    {
        if (!File.Exists(Path.Combine(home, "barge.db")))
        {
            return 0;
        }
        await using var store = await OpenAsync(home);
        var total = 0;
        foreach (var kind in ResourceKinds.All)
        {
            total += (await store.ListAsync(new ResourceQuery { Kind = kind.Name })).Items.Count;
        }
        return total;
    }

    public static async Task<StoredResource?> GetAsync(string home, string kind, string project, string name)
    {
        await using var store = await OpenAsync(home);
        return await store.GetAsync(new ResourceKey(kind, project, name));
    }
}
