using System.ComponentModel;
using Barge.Cli.Hosting;
using Spectre.Console.Cli;

namespace Barge.Cli.Demo;

internal sealed class DemoSettings : GlobalSettings
{
    [CommandOption("--dir <DIR>")]
    [Description("Where the demo builds its repositories and its BARGE_HOME (must be empty or absent). Default: a new temporary folder, printed.")]
    public string? Directory { get; init; }

    [CommandOption("--keep")]
    [Description("Keep DIR afterwards so other commands can look at the state (prints the BARGE_HOME to export).")]
    public bool Keep { get; init; }

    [CommandOption("--registry <HOST:PORT>")]
    [Description("A local OCI registry on a loopback port to push the demo's images to. Without it, or when it does not answer, the demo runs with git subscriptions only.")]
    public string? Registry { get; init; }

    public override Spectre.Console.ValidationResult Validate()
    {
        if (Registry is { } registry && !RegistryEndpoint.TryParse(registry, out _, out var error))
        {
            return Spectre.Console.ValidationResult.Error("--registry: " + error);
        }
        return base.Validate();
    }
}
