using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Barge.Engine.Credentials;
using Barge.Server.Hosting;
using Barge.Storage;
using Barge.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;

namespace Barge.Cli.Tests.Remote;

/// <summary>
/// A real <c>barge serve</c> (Kestrel on 127.0.0.1:0) over the store of a barge home: the same
/// <c>barge.db</c> an embedded <see cref="BargeRun"/> on that home reads, so one command can be run both
/// ways and the outputs compared. Remote runs get their own client home (config, no store).
/// </summary>
internal sealed class ServedHome : IAsyncDisposable
{
    public const string AdminToken = "remote-admin-token-0123456789abcdef";

    private readonly IResourceStore _store;
    private readonly SecretCipher _cipher;
    private readonly WebApplication _app;

    private ServedHome(IResourceStore store, SecretCipher cipher, WebApplication app, Uri address)
    {
        _store = store;
        _cipher = cipher;
        _app = app;
        Address = address;
    }

    /// <summary>The server's base URL, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri Address { get; }

    public string Url => Address.GetLeftPart(UriPartial.Authority);

    /// <summary>
    /// For a CLI test class that runs again in remote mode (a derived class sets its <c>Served</c>): when
    /// <paramref name="served"/>, a server over <paramref name="home"/>'s store with <paramref name="run"/> pointed
    /// at it; otherwise null and the run unchanged. With controllers the server needs the wall clock, and the run's
    /// clock starts with it so that the tables' ages compare the two.
    /// </summary>
    public static async Task<ServedHome?> ServeIfAsync(bool served, string home, BargeRun run, bool controllers = false)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!served)
        {
            return null;
        }
        var server = await StartAsync(home, controllers ? TimeProvider.System : run.Time, controllers);
        run.With("BARGE_SERVER", server.Url).With("BARGE_TOKEN", AdminToken);
        if (controllers)
        {
            run.Time.SetUtcNow(TimeProvider.System.GetUtcNow());
        }
        return server;
    }

    /// <summary>Starts a server on <paramref name="home"/>; controllers only when asked (they need the wall clock).</summary>
    public static async Task<ServedHome> StartAsync(string home, TimeProvider time, bool controllers = false)
    {
        var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(home, "barge.db")), time);
        if (!SecretCipher.TryOpen(home, null, out var cipher, out var error))
        {
            throw new InvalidOperationException(error);
        }
        var options = new BargeServerOptions { Home = home, Listen = "127.0.0.1:0", AdminToken = AdminToken, RunControllers = controllers };
        var app = await BargeServer.BuildAsync(options, store, cipher, time);
        await app.StartAsync();
        return new ServedHome(store, cipher, app, new Uri(BargeServer.Addresses(app)[0]));
    }

    /// <summary>A CLI run in remote mode against this server: <c>BARGE_SERVER</c> and, unless null, <c>BARGE_TOKEN</c>.</summary>
    public BargeRun Client(string clientHome, string? token = AdminToken)
    {
        var run = new BargeRun(clientHome).With("BARGE_SERVER", Url).With("USER", "jane");
        return token is null ? run : run.With("BARGE_TOKEN", token);
    }

    /// <summary>Creates an API token with the given role bindings (as the admin); returns its value.</summary>
    public async Task<string> TokenAsync(string name, params string[] roles)
    {
        using var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        using var response = await client.PostAsync("/v1beta1/system/api-tokens",
            new StringContent(JsonSerializer.Serialize(new { name, roles }), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 201)
        {
            throw new InvalidOperationException($"token create failed: {(int)response.StatusCode} {body}");
        }
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>Revokes an API token (as the admin).</summary>
    public async Task RevokeAsync(string name)
    {
        using var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        using var response = await client.DeleteAsync("/v1beta1/system/api-tokens/" + name);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
        _cipher.Dispose();
    }
}
