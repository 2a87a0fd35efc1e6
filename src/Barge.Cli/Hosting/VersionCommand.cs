using System.Reflection;
using System.Runtime.InteropServices;
using Barge.Cli.Remote;

namespace Barge.Cli.Hosting;

/// <summary><c>barge version</c>: the client's version, build and runtime.</summary>
internal sealed class VersionCommand(CliContext cli) : BargeCommand<GlobalSettings>(cli)
{
    protected override RemoteMode Remote => RemoteMode.RunsLocally;

    public static string Version
    {
        get
        {
            var informational = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            // The SDK appends "+<commit>" when it knows the source revision; keep it short.
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational[..Math.Min(informational.Length, plus + 13)];
        }
    }

    protected override Task<int> RunAsync(GlobalSettings settings, CancellationToken cancellationToken)
    {
        Cli.Output.WriteLine($"barge {Version} ({RuntimeInformation.FrameworkDescription}, {RuntimeInformation.RuntimeIdentifier})");
        return Task.FromResult(ExitCodes.Success);
    }
}
