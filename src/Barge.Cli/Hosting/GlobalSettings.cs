using System.ComponentModel;
using Spectre.Console.Cli;

namespace Barge.Cli.Hosting;

/// <summary>Options every command takes.</summary>
internal class GlobalSettings : CommandSettings
{
    public const string ServerEnvironmentVariable = "BARGE_SERVER";

    [CommandOption("--server <URL>")]
    [Description("Talk to a `barge serve` at URL instead of the embedded store (also $BARGE_SERVER); the token is $BARGE_TOKEN or the one `barge login URL` stored.")]
    public string? Server { get; init; }
}
