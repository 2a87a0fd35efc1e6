using BenchmarkDotNet.Running;
using Barge.Benchmarks.Storage;

namespace Barge.Benchmarks;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Macro measurements that are one run, not a statistical benchmark.
        if (args is ["store-growth"])
        {
            await StoreGrowthMacro.RunAsync();
            return 0;
        }
        if (args.Length > 0 && args[0] == "store-scale")
        {
            return await StoreScaleMacro.RunAsync(args[1..]);
        }
        if (args.Length > 0 && args[0] == "feed-latency")
        {
            return await ChangeFeedLatencyMacro.RunAsync(args[1..]);
        }
        if (args.Length > 0 && args[0] == "feed-watch")
        {
            return await ChangeFeedLatencyMacro.WatchAsync(args[1..]);
        }
        if (args.Length > 0 && args[0] == "pipeline-macro")
        {
            await Pipeline.PipelineMacro.RunAsync(args);
            return 0;
        }
        if (args.Length > 0 && args[0] == "serve-load")
        {
            return await Server.ServeLoad.RunAsync(args[1..]);
        }
        if (args.Length > 0 && args[0] == "ui-fixture")
        {
            return await Ui.UiFixtureMacro.RunAsync(args[1..]);
        }
        if (args.Length > 0 && args[0] == "ui-browser")
        {
            return await Ui.UiBrowserMacro.RunAsync(args[1..]);
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
