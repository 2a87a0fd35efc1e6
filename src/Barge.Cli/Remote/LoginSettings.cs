using System.ComponentModel;
using Spectre.Console.Cli;

namespace Barge.Cli.Remote;

internal sealed class LoginSettings : CommandSettings
{
    [CommandArgument(0, "<URL>")]
    [Description("The `barge serve` to log in to, e.g. http://127.0.0.1:8080.")]
    public string Url { get; init; } = "";

    [CommandOption("--token <TOKEN>")]
    [Description("The bearer token (an API token or the admin token); without it the first line of stdin is read.")]
    public string? Token { get; init; }
}
