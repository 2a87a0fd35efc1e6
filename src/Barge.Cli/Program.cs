using System.Text;
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
        // One buffered writer instead of Console.Out's flush per line: a 10,000-row table is one write.
        await using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        return await BargeApp.RunAsync(args, input, output, Console.Error, cancellationToken: interrupted.Token);
    }
}
