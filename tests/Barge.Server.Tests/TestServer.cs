using System.Net.Http.Headers;
using System.Text;
using Barge.Engine.Credentials;
using Barge.Server.Hosting;
using Barge.Storage;
using Barge.Storage.Sqlite;
using Barge.Testing;
using Microsoft.AspNetCore.Builder;

namespace Barge.Server.Tests;

/// <summary>A real <c>barge serve</c> on Kestrel at 127.0.0.1:0 over a SQLite store in a temp home.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    public const string AdminToken = "test-admin-token-0123456789";

    public const string Pipeline = """
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Project
        metadata:
          name: p1
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Project
        metadata:
          name: p2
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: w1
          namespace: p1
        spec:
          subscriptions:
          - image:
              repoURL: registry.example.com/app
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Stage
        metadata:
          name: dev
          namespace: p1
        spec:
          requestedFreight:
          - origin:
              kind: Warehouse
              name: w1
            sources:
              direct: true
          promotionTemplate:
            spec:
              steps:
              - uses: compose-output
                as: out
                config:
                  hello: world
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Freight
        metadata:
          name: f1
          namespace: p1
        alias: first-one
        origin:
          kind: Warehouse
          name: w1
        images:
        - repoURL: registry.example.com/app
          tag: 1.0.0
          digest: sha256:0000000000000000000000000000000000000000000000000000000000000001
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: creds
          namespace: p1
          labels:
            kargo.akuity.io/cred-type: image
        stringData:
          repoURL: registry.example.com/app
          username: bot
          password: hunter2-secret
        """;

    private readonly TempDirectory _home;
    private readonly IResourceStore _store;
    private readonly SecretCipher _cipher;
    private readonly WebApplication _app;

    private TestServer(TempDirectory home, IResourceStore store, SecretCipher cipher, WebApplication app, Uri address)
    {
        _home = home;
        _store = store;
        _cipher = cipher;
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IResourceStore Store => _store;

    public WebApplication App => _app;

    public string Home => _home.Path;

    public static async Task<TestServer> StartAsync(Func<BargeServerOptions, BargeServerOptions>? configure = null, Action<Microsoft.Extensions.Logging.ILoggingBuilder>? logging = null)
    {
        var home = new TempDirectory("barge-server");
        var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(home.Path, "barge.db")), TimeProvider.System);
        if (!SecretCipher.TryOpen(home.Path, null, out var cipher, out var error))
        {
            throw new InvalidOperationException(error);
        }
        var options = new BargeServerOptions { Home = home.Path, Listen = "127.0.0.1:0", AdminToken = AdminToken, RunControllers = false };
        options = configure?.Invoke(options) ?? options;
        var app = await BargeServer.BuildAsync(options, store, cipher, TimeProvider.System, logging);
        await app.StartAsync();
        var address = new Uri(BargeServer.Addresses(app)[0]);
        return new TestServer(home, store, cipher, app, address);
    }

    public HttpClient Client(string? token = AdminToken)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    /// <summary>Applies <see cref="Pipeline"/> through <c>PUT /v1beta1/resources?upsert=true</c>.</summary>
    public async Task ApplyPipelineAsync()
    {
        using var client = Client();
        using var response = await client.PutAsync("/v1beta1/resources?upsert=true", new StringContent(Pipeline, Encoding.UTF8, "text/plain"));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"apply failed: {(int)response.StatusCode} {body}");
        }
    }

    /// <summary>Creates an API token with the given bindings (as the admin) and returns its value.</summary>
    public async Task<string> TokenAsync(string name, params string[] roles)
    {
        using var client = Client();
        using var response = await client.PostAsync("/v1beta1/system/api-tokens",
            new StringContent(System.Text.Json.JsonSerializer.Serialize(new { name, roles }), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 201)
        {
            throw new InvalidOperationException($"token create failed: {(int)response.StatusCode} {body}");
        }
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
        _cipher.Dispose();
        _home.Dispose();
    }
}
