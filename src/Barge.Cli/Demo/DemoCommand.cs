using System.Security.Cryptography;
using Barge.Cli.Hosting;
using Barge.Cli.Remote;

namespace Barge.Cli.Demo;

/// <summary>
/// <c>barge demo [--dir DIR] [--keep] [--registry HOST:PORT]</c>: the grommet quick start end to end in
/// a fresh <c>BARGE_HOME</c> — real repositories, the project's own pipeline, the controllers in-process
/// — narrated, ending with the history. Without <c>--keep</c> its folder is removed afterwards.
/// </summary>
internal sealed class DemoCommand(CliContext cli) : BargeCommand<DemoSettings>(cli)
{
    protected override RemoteMode Remote => RemoteMode.LocalOnly;

    protected override async Task<int> RunAsync(DemoSettings settings, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(settings.Directory ?? Path.Combine(Path.GetTempPath(), "barge-demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))));
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            return Cli.Fail(ExitCodes.BadInput, $"--dir {root}: the folder is not empty; the demo needs an empty or new folder");
        }
        if (File.Exists(root))
        {
            return Cli.Fail(ExitCodes.BadInput, $"--dir {root}: a file, not a folder");
        }
        RegistryEndpoint? registry = null;
        if (settings.Registry is { } given && !RegistryEndpoint.TryParse(given, out registry, out var registryError))
        {
            return Cli.Fail(ExitCodes.BadInput, "--registry: " + registryError);
        }
        var createdRoot = !Directory.Exists(root);
        Directory.CreateDirectory(root);
        var live = Cli.Output is not StringWriter && !Console.IsOutputRedirected;
        var narrator = new DemoNarrator(Cli.Output, live);
        try
        {
            await new DemoRun(Cli, narrator, new DemoOptions(root, settings.Keep, registry)).RunAsync(cancellationToken);
            return ExitCodes.Success;
        }
        catch (DemoFailureException ex)
        {
            Cli.Output.Flush();
            return Cli.Fail(ExitCodes.Failed, "demo: " + ex.Message + (settings.Keep ? $" (state kept in {root})" : ""));
        }
        finally
        {
            if (!settings.Keep)
            {
                RemoveQuietly(root, createdRoot);
            }
        }
    }

    /// <summary>Removes what the demo made; <see cref="Directory.Delete(string, bool)"/> removes symbolic links, never follows them.</summary>
    private static void RemoveQuietly(string root, bool createdRoot)
    {
        try
        {
            if (createdRoot)
            {
                Directory.Delete(root, recursive: true);
                return;
            }
            foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo { LinkTarget: null } folder)
                {
                    folder.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }
        }
        catch (IOException)
        {
            // A leftover temporary folder is not worth failing a demo that succeeded.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}
