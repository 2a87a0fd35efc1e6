using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Serve;

public sealed class TokenCommandsTests
{
    [Fact]
    public async Task CreateListRevoke_TokenShownOnceAndNeverListed()
    {
        using var home = new TempDirectory();
        var barge = new BargeRun(home.Path);
        var created = await barge.RunAsync("token", "create", "ci", "--role", "promoter@grommet", "--role", "viewer@other");
        Assert.True(created.ExitCode == 0, created.ToString());
        var token = created.Output.Trim();
        Assert.StartsWith("barge_", token, StringComparison.Ordinal);
        var list = await barge.RunAsync("token", "list");
        Assert.Contains("ci\tpromoter@grommet,viewer@other\tcli", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(token, list.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await barge.RunAsync("token", "revoke", "ci")).ExitCode);
        var again = await barge.RunAsync("token", "revoke", "ci");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("API token \"ci\" not found", again.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown role", new[] { "token", "create", "ci", "--role", "boss@grommet" }, "unknown role \"boss\"")]
    [InlineData("no role", new[] { "token", "create", "ci" }, "give at least one role")]
    [InlineData("bad name", new[] { "token", "create", "CI_Token", "--role", "system-admin" }, "API token name \"CI_Token\"")]
    [InlineData("bad listen address", new[] { "serve", "--listen", "nowhere" }, "--listen \"nowhere\"")]
    [InlineData("cert without key", new[] { "serve", "--tls-cert", "c.pem" }, "--tls-cert and --tls-key go together")]
    public async Task BadInput_Exit2WithMessage(string scenario, string[] args, string message)
    {
        using var home = new TempDirectory();
        var result = await new BargeRun(home.Path).RunAsync(args);
        Assert.True(result.ExitCode == 2, scenario + ": " + result);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}
