using Barge.Cli.Hosting;
using Barge.Cli.Remote;
using Barge.Server.Auth;

namespace Barge.Cli.Serve;

/// <summary><c>barge token list</c>: names, roles, creator and creation time (never a token value).</summary>
internal sealed class TokenListCommand(CliContext cli) : BargeCommand<GlobalSettings>(cli)
{
    protected override RemoteMode Remote => RemoteMode.LocalOnly;

    protected override async Task<int> RunAsync(GlobalSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await EmbeddedStore.OpenForReadAsync(Cli, cancellationToken);
        var tokens = store is null ? [] : await new ApiTokens(store, Cli.Time).ListAsync(cancellationToken);
        Cli.Output.WriteLine("NAME\tROLES\tCREATED BY\tCREATED");
        foreach (var token in tokens)
        {
            Cli.Output.WriteLine($"{token.Name}\t{string.Join(",", token.Roles)}\t{token.CreatedBy}\t{token.CreatedAt:yyyy-MM-dd'T'HH:mm:ss'Z'}");
        }
        return ExitCodes.Success;
    }
}
