using Barge.Engine.Credentials;
using Barge.Server.Hosting;
using Barge.Storage;
using Barge.Storage.Sqlite;
using Barge.Testing;
using Microsoft.AspNetCore.Builder;

namespace Barge.Ui.Tests.Harness;

/// <summary>A real <c>barge serve</c> on Kestrel at 127.0.0.1:0 over a SQLite store in a temp home, for the browser to visit.</summary>
public sealed class UiServer : IAsyncDisposable
{
    public const string AdminToken = "ui-test-admin-token-0123456789";

    private readonly TempDirectory _home;
    private readonly SecretCipher _cipher;
    private readonly WebApplication _app;

    private UiServer(TempDirectory home, IResourceStore store, SecretCipher cipher, WebApplication app, Uri address)
    {
        _home = home;
        Store = store;
        _cipher = cipher;
        _app = app;
        Address = address;
    }

    /// <summary>The server's base address (<c>http://127.0.0.1:PORT/</c>).</summary>
    public Uri Address { get; }

    /// <summary>The store the server runs on (write to it to see the UI react).</summary>
    public IResourceStore Store { get; }

    /// <summary>The server's home folder.</summary>
    public string Home => _home.Path;

    /// <summary>Starts a server; <paramref name="configure"/> adjusts the options (controllers are off by default).</summary>
    public static async Task<UiServer> StartAsync(Func<BargeServerOptions, BargeServerOptions>? configure = null)
    {
        var home = new TempDirectory("barge-ui");
        var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(home.Path, "barge.db")), TimeProvider.System);
        if (!SecretCipher.TryOpen(home.Path, null, out var cipher, out var error))
        {
            throw new InvalidOperationException(error);
        }
        var options = new BargeServerOptions { Home = home.Path, Listen = "127.0.0.1:0", AdminToken = AdminToken, RunControllers = false };
        options = configure?.Invoke(options) ?? options;
        var app = await BargeServer.BuildAsync(options, store, cipher, TimeProvider.System);
        await app.StartAsync();
        return new UiServer(home, store, cipher, app, new Uri(BargeServer.Addresses(app)[0]));
    }

    /// <summary>An absolute URL on this server.</summary>
    public string Url(string path) => new Uri(Address, path).ToString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Store.DisposeAsync();
        _cipher.Dispose();
        _home.Dispose();
    }
}
