using Barge.Cli.Hosting;

namespace Barge.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };
        await using var input = Console.OpenStandardInput();
        return await BargeApp.RunAsync(args, input, Console.Out, Console.Error, cancellationToken: interrupted.Token);
    }
}
