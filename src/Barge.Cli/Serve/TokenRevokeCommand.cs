using Barge.Cli.Hosting;
using Barge.Cli.Remote;
using Barge.Server.Auth;

namespace Barge.Cli.Serve;

/// <summary><c>barge token revoke NAME</c>: the token stops working at once.</summary>
internal sealed class TokenRevokeCommand(CliContext cli) : BargeCommand<TokenNameSettings>(cli)
{
    protected override RemoteMode Remote => RemoteMode.LocalOnly;

    protected override async Task<int> RunAsync(TokenNameSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await EmbeddedStore.OpenForWriteAsync(Cli, cancellationToken);
        if (!await new ApiTokens(store, Cli.Time).RevokeAsync(settings.Name, cancellationToken))
        {
            return Cli.Fail(ExitCodes.Failed, $"API token \"{settings.Name}\" not found");
        }
        Cli.Output.WriteLine($"API token \"{settings.Name}\" revoked");
        return ExitCodes.Success;
    }
}
