using System.Diagnostics.CodeAnalysis;
using Barge.Engine.Credentials;

namespace Barge.Cli.Hosting;

/// <summary>The cipher for Secret values: <c>BARGE_SECRET_KEY</c>, else <c>$BARGE_HOME/keys/secret.key</c> (created on first use).</summary>
internal static class SecretKeys
{
    public static bool TryOpen(CliContext cli, [NotNullWhen(true)] out SecretCipher? cipher, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(cli);
        cli.Home.EnsureExists();
        return SecretCipher.TryOpen(cli.Home.Path, cli.GetEnvironmentVariable(SecretCipher.KeyEnvironmentVariable), out cipher, out error);
    }
}
