using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Remote;

public sealed class LoginCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _serverHome = new("remote-server");
    private readonly TempDirectory _clientHome = new("remote-client");
    private ServedHome _server = null!;

    public async Task InitializeAsync() => _server = await ServedHome.StartAsync(_serverHome.Path, TimeProvider.System);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _serverHome.Dispose();
        _clientHome.Dispose();
    }

    private string ConfigPath => Path.Combine(_clientHome.Path, "config");

    [Fact]
    public async Task Login_ValidToken_StoresServerAndTokenWithMode0600()
    {
        var run = new BargeRun(_clientHome.Path);

        var result = await run.RunAsync("login", _server.Url, "--token", ServedHome.AdminToken);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"logged in to {_server.Url} (barge ", result.Output, StringComparison.Ordinal);
        var stored = JsonDocument.Parse(await File.ReadAllTextAsync(ConfigPath)).RootElement;
        Assert.Equal(_server.Url, stored.GetProperty("server").GetString());
        Assert.Equal(ServedHome.AdminToken, stored.GetProperty("token").GetString());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigPath));
        }
        Assert.Empty(Directory.GetFiles(_clientHome.Path, "*.tmp"));
    }

    [Fact]
    public async Task Login_TokenOnStdin_IsUsedAndLaterCallsNeedNoTokenVariable()
    {
        var run = new BargeRun(_clientHome.Path);
        var login = await run.RunWithInputAsync(ServedHome.AdminToken + "\n", "login", _server.Url + "/");
        Assert.True(login.ExitCode == 0, login.ToString());

        var get = await run.RunAsync("get", "projects", "--server", _server.Url);

        Assert.True(get.ExitCode == 0, get.ToString());
        Assert.False(File.Exists(Path.Combine(_clientHome.Path, "barge.db")), "remote mode must not create a local store");
    }

    [Fact]
    public async Task Login_WrongToken_FailsAndWritesNothing()
    {
        var result = await new BargeRun(_clientHome.Path).RunAsync("login", _server.Url, "--token", "not-the-token");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: the server at {_server.Url} refused the token; nothing was written\n", result.Error);
        Assert.False(File.Exists(ConfigPath));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("http://127.0.0.1:8080/?token=x")]
    public async Task Login_BadUrl_FailsWithExit2AndWritesNothing(string url)
    {
        var result = await new BargeRun(_clientHome.Path).RunAsync("login", url, "--token", ServedHome.AdminToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"server URL \"{url}\"", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("nothing was written\n", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public async Task Login_ServerDown_FailsWithExit1AndWritesNothing()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}";

        var result = await new BargeRun(_clientHome.Path).RunAsync("login", url, "--token", ServedHome.AdminToken);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: cannot reach the barge server at {url}: ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public async Task Login_NoToken_FailsWithExit2()
    {
        var result = await new BargeRun(_clientHome.Path).RunWithInputAsync("", "login", _server.Url);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no token", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public async Task RemoteCall_StoredLoginIsForAnotherServer_TokenIsNotSent()
    {
        var run = new BargeRun(_clientHome.Path);
        Assert.Equal(0, (await run.RunAsync("login", _server.Url, "--token", ServedHome.AdminToken)).ExitCode);
        var other = $"http://127.0.0.1:{ClosedPort()}";

        var result = await run.RunAsync("get", "projects", "--server", other);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: no token for server {other}: run `barge login {other}` or set $BARGE_TOKEN (the stored login is for {_server.Url})\n", result.Error);
    }

    /// <summary>A loopback port nobody listens on (bound, then released).</summary>
    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
