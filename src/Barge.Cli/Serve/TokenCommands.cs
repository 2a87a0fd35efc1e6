using Spectre.Console.Cli;

namespace Barge.Cli.Serve;

/// <summary>The <c>barge token</c> branch: API tokens for <c>barge serve</c>, on the embedded store.</summary>
internal static class TokenCommands
{
    public static void Configure(IConfigurator<CommandSettings> branch)
    {
        branch.SetDescription("Create, list and revoke API tokens of `barge serve`.");
        branch.AddCommand<TokenCreateCommand>("create").WithDescription("Create an API token; prints it once.")
            .WithExample("token", "create", "ci", "--role", "promoter@grommet");
        branch.AddCommand<TokenListCommand>("list").WithDescription("List API tokens (names and roles, never values).");
        branch.AddCommand<TokenRevokeCommand>("revoke").WithDescription("Revoke an API token.");
    }
}
