using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Engine.Credentials;
using Barge.Server.Metrics;
using Barge.Server.Webhooks;
using Barge.Storage;
using Barge.Storage.Sqlite;
using Barge.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Barge.Server.Tests.Webhooks;

/// <summary>A minimal Kestrel host on 127.0.0.1:0 with the webhook receivers and /metrics over a real SQLite store in a temp dir.</summary>
internal sealed class WebhookHost : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly WebApplication _app;

    private WebhookHost(TempDirectory directory, WebApplication app, SqliteResourceStore store, SecretCipher cipher, Uri address)
    {
        _directory = directory;
        _app = app;
        Store = store;
        Cipher = cipher;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public SqliteResourceStore Store { get; }

    public SecretCipher Cipher { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<WebhookHost> StartAsync(TimeProvider? time = null)
    {
        var directory = new TempDirectory("barge-hooks");
        var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(directory.Combine("barge.db")));
        var cipher = new SecretCipher(RandomNumberGenerator.GetBytes(32));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IResourceStore>(store);
        builder.Services.AddSingleton(cipher);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton(new WebhookOptions { BaseUrl = new Uri("https://barge.example.com/webhooks") });
        builder.Services.AddBargeWebhooks();
        builder.Services.AddBargeMetrics();
        var app = builder.Build();
        app.MapBargeWebhooks();
        app.MapBargeMetrics();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new WebhookHost(directory, app, store, cipher, address);
    }

    public async Task CreateAsync(string kind, string project, string name, string apiVersion, JsonNode spec, IReadOnlyDictionary<string, string>? labels = null)
    {
        var element = JsonSerializer.SerializeToElement(spec);
        if (kind == "Secret")
        {
            Assert.True(SecretSealing.TrySeal(element, null, project, name, Cipher, out var sealedPayload, out var error), error);
            element = sealedPayload.Value;
        }
        await Store.CreateAsync(new NewResource(new ResourceKey(kind, project, name), apiVersion, element)
        {
            Labels = labels ?? new Dictionary<string, string>(),
        });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Store.DisposeAsync();
        Cipher.Dispose();
        _directory.Dispose();
    }
}
