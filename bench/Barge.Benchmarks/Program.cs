using BenchmarkDotNet.Running;

namespace Barge.Benchmarks;

internal static class Program
{
    public static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "pipeline-macro")
        {
            await Pipeline.PipelineMacro.RunAsync(args);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
