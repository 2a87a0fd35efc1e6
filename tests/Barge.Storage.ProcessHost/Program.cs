using System.Globalization;
using System.Text.Json;
using Barge.Storage;
using Barge.Storage.Sqlite;

namespace Barge.Storage.ProcessHost;

/// <summary>
/// <c>increment DB KIND PROJECT NAME N</c>: N read-modify-write increments of spec.count, retrying on
/// conflict; prints the number of conflicts met.
/// <c>create DB KIND PROJECT PREFIX N</c>: N single creates.
/// <c>batch DB KIND PROJECT PREFIX N</c>: one batch of N creates; prints "begin" before and "committed" after.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 6 && args.Length != 5)
        {
            await Console.Error.WriteLineAsync("usage: (increment|create|batch) DB KIND PROJECT NAME|PREFIX N");
            return 2;
        }
        var count = int.Parse(args[^1], CultureInfo.InvariantCulture);
        await using var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(args[1]));
        switch (args[0])
        {
            case "increment":
                var conflicts = await Counter.IncrementAsync(store, new ResourceKey(args[2], args[3], args[4]), count);
                Console.WriteLine(conflicts.ToString(CultureInfo.InvariantCulture));
                return 0;
            case "create":
                for (var i = 0; i < count; i++)
                {
                    await store.CreateAsync(Document(args, i));
                }
                return 0;
            case "batch":
                var operations = Enumerable.Range(0, count).Select(i => (StoreOperation)new StoreOperation.Create(Document(args, i))).ToList();
                Console.WriteLine("begin");
                await store.ApplyAsync(operations);
                Console.WriteLine("committed");
                return 0;
            default:
                await Console.Error.WriteLineAsync($"unknown command {args[0]}");
                return 2;
        }
    }

    private static NewResource Document(string[] args, int i)
    {
        var name = args[4] + "-" + i.ToString(CultureInfo.InvariantCulture);
        using var spec = JsonDocument.Parse($$"""{"origin":{"kind":"Warehouse","name":"w{{i % 10}}"},"index":{{i}},"commits":[{"repoURL":"https://git.example.com/app.git","id":"{{Guid.NewGuid():N}}"}]}""");
        return new NewResource(new ResourceKey(args[2], args[3], name), "kargo.akuity.io/v1alpha1", spec.RootElement.Clone())
        {
            Labels = new Dictionary<string, string> { ["batch"] = args[4] },
        };
    }
}
