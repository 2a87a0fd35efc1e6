using Barge.Cli.Hosting;
using Barge.Cli.Remote;
using Barge.Server.Auth;

namespace Barge.Cli.Serve;

/// <summary><c>barge token create NAME --role R…</c>: prints the token once; only its hash is stored.</summary>
internal sealed class TokenCreateCommand(CliContext cli) : BargeCommand<TokenCreateSettings>(cli)
{
    protected override RemoteMode Remote => RemoteMode.LocalOnly;

    protected override async Task<int> RunAsync(TokenCreateSettings settings, CancellationToken cancellationToken)
    {
        var roles = new List<RoleBinding>();
        foreach (var text in settings.Roles)
        {
            if (!RoleBinding.TryParse(text, out var binding, out var error))
            {
                return Cli.Fail(ExitCodes.BadInput, error);
            }
            roles.Add(binding);
        }
        await using var store = await EmbeddedStore.OpenForWriteAsync(Cli, cancellationToken);
        var created = await new ApiTokens(store, Cli.Time).CreateAsync(settings.Name, roles, "cli", cancellationToken);
        if (created.Value is null)
        {
            return Cli.Fail(created.IsConflict ? ExitCodes.Failed : ExitCodes.BadInput, string.Join("\n", created.Errors));
        }
        Cli.Output.WriteLine(created.Value);
        Cli.Error.WriteLine($"API token \"{settings.Name}\" created ({string.Join(", ", roles)}); it is shown only this once");
        return ExitCodes.Success;
    }
}
