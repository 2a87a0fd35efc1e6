using System.ComponentModel;
using Barge.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Barge.Cli.Credentials;

internal sealed class CreateCredentialsSettings : ProjectSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The credentials' (Secret's) name.")]
    public string Name { get; init; } = "";

    [CommandOption("--git")]
    [Description("Credentials for git repositories.")]
    public bool Git { get; init; }

    [CommandOption("--image")]
    [Description("Credentials for container image registries.")]
    public bool Image { get; init; }

    [CommandOption("--helm")]
    [Description("Credentials for Helm chart repositories.")]
    public bool Helm { get; init; }

    [CommandOption("--repo-url <URL>")]
    [Description("The repository URL the credentials are for (or a regular expression with --repo-url-is-regex).")]
    public string? RepoUrl { get; init; }

    [CommandOption("--repo-url-is-regex")]
    [Description("--repo-url is a regular expression matched against repository URLs.")]
    public bool RepoUrlIsRegex { get; init; }

    [CommandOption("--username <USERNAME>")]
    [Description("The username.")]
    public string? Username { get; init; }

    [CommandOption("--password-stdin")]
    [Description("Read the password from standard input (recommended).")]
    public bool PasswordStdin { get; init; }

    [CommandOption("--password <PASSWORD>")]
    [Description("The password on the command line (visible to other users of the machine; prefer --password-stdin).")]
    public string? Password { get; init; }

    public override ValidationResult Validate()
    {
        var types = (Git ? 1 : 0) + (Image ? 1 : 0) + (Helm ? 1 : 0);
        if (types != 1)
        {
            return ValidationResult.Error("exactly one of --git, --image or --helm is required");
        }
        if (string.IsNullOrEmpty(RepoUrl))
        {
            return ValidationResult.Error("--repo-url is required");
        }
        if (string.IsNullOrEmpty(Username))
        {
            return ValidationResult.Error("--username is required");
        }
        if (PasswordStdin == (Password is not null))
        {
            return ValidationResult.Error("exactly one of --password-stdin or --password is required");
        }
        return base.Validate();
    }
}
