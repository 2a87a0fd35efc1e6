using BenchmarkDotNet.Running;
using Barge.Benchmarks.Storage;

namespace Barge.Benchmarks;

internal static class Program
{
    public static async Task Main(string[] args)
    {
        // Macro measurements that are one run, not a statistical benchmark.
        if (args is ["store-growth"])
        {
            await StoreGrowthMacro.RunAsync();
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
