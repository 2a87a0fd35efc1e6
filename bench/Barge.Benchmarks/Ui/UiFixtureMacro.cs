using Barge.Storage.Sqlite;
using Barge.Testing.Fixtures;

namespace Barge.Benchmarks.Ui;

/// <summary>Writes the 1,000-Stage fixture (project <c>large</c>) into <c>HOME/barge.db</c>. Usage: ui-fixture HOME</summary>
internal static class UiFixtureMacro
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 1)
        {
            await Console.Error.WriteLineAsync("usage: ui-fixture HOME");
            return 2;
        }
        Directory.CreateDirectory(args[0]);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(args[0], "barge.db")), TimeProvider.System);
        var project = await LargeProjectFixture.WriteAsync(store);
        Console.WriteLine($"fixture: {project.Warehouses.Count} Warehouses, {project.Stages.Count} Stages, {project.Freight.Count} Freight " +
            $"written in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        return 0;
    }
}
