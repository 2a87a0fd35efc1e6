using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Remote;

/// <summary>What each command does when --server or $BARGE_SERVER selects remote mode, before any request.</summary>
public sealed class RemoteModeTests : IDisposable
{
    private readonly TempDirectory _home = new("remote-mode");

    public void Dispose() => _home.Dispose();

    [Theory]
    [InlineData("serve", new[] { "serve", "--listen", "127.0.0.1:0" }, "serve")]
    [InlineData("demo", new[] { "demo" }, "demo")]
    [InlineData("migrate", new[] { "migrate" }, "migrate")]
    [InlineData("token list", new[] { "token", "list" }, "token list")]
    [InlineData("token create", new[] { "token", "create", "ci", "--role", "viewer@grommet" }, "token create")]
    public async Task LocalOnlyCommand_WithServer_RefusedNamingTheCommand(string scenario, string[] args, string name)
    {
        var result = await new BargeRun(_home.Path).RunAsync([.. args, "--server", "http://127.0.0.1:9"]);

        Assert.True(result.ExitCode == 2, scenario + ": " + result);
        Assert.Equal($"error: `{name}` runs on this machine only; it does not take --server (unset $BARGE_SERVER)\n", result.Error);
        Assert.Empty(Directory.GetFileSystemEntries(_home.Path));
    }

    [Fact]
    public async Task Reconcile_FromEnvironment_RefusedSayingTheServerReconciles()
    {
        var result = await new BargeRun(_home.Path).With("BARGE_SERVER", "http://127.0.0.1:9").RunAsync("reconcile", "--until-idle");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: `reconcile` runs on this machine only; it does not take --server (unset $BARGE_SERVER); " +
            "the server's controllers reconcile continuously; ask it for a discovery with `barge refresh warehouse W` and follow Promotions with `barge get promotions`\n", result.Error);
        Assert.Empty(Directory.GetFileSystemEntries(_home.Path));
    }

    [Theory]
    [InlineData("verify stage", new[] { "verify", "stage", "dev", "-p", "p1" })]
    [InlineData("promote dry run", new[] { "promote", "-p", "p1", "--stage", "dev", "--warehouse", "w", "--dry-run" })]
    [InlineData("promote downstream", new[] { "promote", "-p", "p1", "--downstream-from", "dev", "--freight-alias", "a" })]
    [InlineData("create credentials", new[] { "create", "credentials", "c", "-p", "p1", "--git", "--repo-url", "https://git.example.com/x", "--username", "u", "--password", "p" })]
    [InlineData("delete project", new[] { "delete", "project", "p1" })]
    [InlineData("freight wide", new[] { "get", "freight", "-p", "p1", "--stage", "dev", "-o", "wide" })]
    public async Task FormerlyLocalCommand_ServerDown_Exit1NamingTheServer(string scenario, string[] args)
    {
        var url = $"http://127.0.0.1:{LoginCommandTests.ClosedPort()}";

        var result = await new BargeRun(_home.Path).With("BARGE_TOKEN", "t").With("BARGE_SERVER", url).RunAsync(args);

        Assert.True(result.ExitCode == 1, scenario + ": " + result);
        Assert.StartsWith($"error: cannot reach the barge server at {url}: ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Empty(Directory.GetFileSystemEntries(_home.Path));
    }

    [Theory]
    [InlineData("verify stage without stage", new[] { "verify", "stage", "-p", "p1" })]
    [InlineData("credentials without type", new[] { "create", "credentials", "c", "-p", "p1", "--repo-url", "https://git.example.com/x", "--username", "u", "--password", "p" })]
    [InlineData("promote downstream and stage", new[] { "promote", "-p", "p1", "--downstream-from", "dev", "--stage", "x", "--freight-alias", "a" })]
    [InlineData("promote dry run two choices", new[] { "promote", "-p", "p1", "--stage", "dev", "--warehouse", "w", "--freight", "f", "--dry-run" })]
    public async Task RemoteCommand_BadFlags_Exit2BeforeAnyRequest(string scenario, string[] args)
    {
        // Nothing listens there: a request would fail with exit 1, so exit 2 proves none was sent.
        var url = $"http://127.0.0.1:{LoginCommandTests.ClosedPort()}";
        var result = await new BargeRun(_home.Path).With("BARGE_TOKEN", "t").With("BARGE_SERVER", url).RunAsync(args);

        Assert.True(result.ExitCode == 2, scenario + ": " + result);
        Assert.DoesNotContain("cannot reach", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eval", new[] { "eval", "1 + 2" }, "3\n")]
    [InlineData("version", new[] { "version" }, "barge 0.1.0")]
    [InlineData("config", new[] { "config", "set-project", "p1" }, "default project set to \"p1\"\n")]
    public async Task CommandWithoutStore_InRemoteMode_RunsHere(string scenario, string[] args, string expectedStart)
    {
        var result = await new BargeRun(_home.Path).With("BARGE_SERVER", "http://127.0.0.1:9").RunAsync(args);

        Assert.True(result.ExitCode == 0, scenario + ": " + result);
        Assert.StartsWith(expectedStart, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("remote mode", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoteCommand_ServerDown_Exit1NamingTheServer()
    {
        var url = $"http://127.0.0.1:{LoginCommandTests.ClosedPort()}";

        var result = await new BargeRun(_home.Path).With("BARGE_TOKEN", "t").RunAsync("get", "stages", "-p", "grommet", "--server", url);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: cannot reach the barge server at {url}: ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task RemoteCommand_NoToken_Exit2SayingHowToLogIn()
    {
        var result = await new BargeRun(_home.Path).RunAsync("get", "projects", "--server", "http://127.0.0.1:9/");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: no token for server http://127.0.0.1:9: run `barge login http://127.0.0.1:9` or set $BARGE_TOKEN\n", result.Error);
    }

    [Fact]
    public async Task RemoteCommand_BadServerUrl_Exit2()
    {
        var result = await new BargeRun(_home.Path).With("BARGE_TOKEN", "t").RunAsync("get", "projects", "--server", "127.0.0.1:8080");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: server URL \"127.0.0.1:8080\" is not an http:// or https:// URL", result.Error, StringComparison.Ordinal);
    }
}
