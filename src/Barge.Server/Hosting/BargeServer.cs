using System.Net;
using System.Security.Cryptography.X509Certificates;
using Barge.Engine.Credentials;
using Barge.Server.Api;
using Barge.Server.Auth;
using Barge.Server.Watching;
using Barge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Barge.Server.Hosting;

/// <summary>
/// <c>barge serve</c>: the REST API under <c>/v1beta1</c>, SSE watches, bearer auth with project
/// roles, <c>/healthz</c>, <c>/readyz</c>, the OpenAPI document at <c>/openapi/v1.json</c>, and the
/// controllers, in one process on one store. No CORS (browsers on other origins are refused by default).
/// </summary>
public static class BargeServer
{
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>Builds the server (not started). The caller owns <paramref name="store"/> and <paramref name="cipher"/>.</summary>
    public static async Task<WebApplication> BuildAsync(
        BargeServerOptions options,
        IResourceStore store,
        SecretCipher cipher,
        TimeProvider time,
        Action<ILoggingBuilder>? logging = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentNullException.ThrowIfNull(time);
        var endpoint = ParseListen(options.Listen);
        var admin = await AdminToken.LoadAsync(options.Home, options.AdminToken, cancellationToken);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = options.Home, Args = [] });
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = options.ShutdownTimeout);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.BodyLimit;
            kestrel.Listen(endpoint, listen =>
            {
                if (options.TlsCertificatePath is { } cert)
                {
                    listen.UseHttps(X509Certificate2.CreateFromPemFile(cert, options.TlsKeyPath));
                }
            });
        });
        var services = builder.Services;
        services.AddSingleton(store);
        services.AddSingleton(options.Store);
        services.AddSingleton(cipher);
        services.AddSingleton(time);
        services.AddSingleton(admin);
        services.AddSingleton(new ApiTokens(store, time));
        services.AddSingleton(new ResourceReads(store, time));
        services.AddSingleton(new ResourceActions(store, time, Path.Combine(options.Home, "work")));
        services.AddSingleton(new ResourceDocuments(store, time, cipher));
        services.AddSingleton(sp => new PromotionDryRuns(
            store, time, new StoreCredentialSource(store, cipher, sp.GetRequiredService<ILoggerFactory>()), Path.Combine(options.Home, "work")));
        services.AddSingleton(new SseWatch(store, options.WatchHeartbeat));
        services.AddSingleton<ApiWatches>();
        services.AddSingleton(new ListResponseCache(store));
        services.AddOpenApi();
        if (options.RunControllers)
        {
            services.AddHostedService(sp =>
            {
                var (runtime, owner) = ServerControllers.Create(store, options.Home, cipher, time, sp.GetRequiredService<ILoggerFactory>(), options.Leasing);
                return new ControllerHost(runtime, owner, sp.GetRequiredService<ILogger<ControllerHost>>());
            });
        }
        ServerExtensions.AddServices(services, options);

        var app = builder.Build();
        ServerLog.AdminTokenSource(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Barge.Server"), admin.Source);
        app.UseMiddleware<ErrorMiddleware>();
        app.UseRouting();
        app.UseMiddleware<AccessMiddleware>();
        SystemRoutes.MapHealth(app);
        app.MapOpenApi(OpenApiPath).RequireAccess(Access.Anonymous);
        var api = app.MapGroup("/v1beta1");
        SystemRoutes.Map(api);
        ProjectRoutes.Map(api);
        FreightRoutes.Map(api);
        PromotionRoutes.Map(api);
        OperationRoutes.Map(api);
        ResourceRoutes.Map(api, options.ResourcesBodyLimit);
        TokenRoutes.Map(api);
        ServerExtensions.Map(app);
        return app;
    }

    /// <summary>The addresses the started server listens on (the real port when 0 was asked for).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
    }

    /// <summary><c>host:port</c>: an IP address (IPv6 in brackets) or <c>localhost</c>, and a port.</summary>
    public static IPEndPoint ParseListen(string listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        var colon = listen.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(listen[(colon + 1)..], out var port) || port is < 0 or > 65535)
        {
            throw new FormatException($"--listen \"{listen}\": expected host:port, e.g. 127.0.0.1:8080");
        }
        var host = listen[..colon].Trim('[', ']');
        if (host == "localhost")
        {
            return new IPEndPoint(IPAddress.Loopback, port);
        }
        return IPAddress.TryParse(host, out var address)
            ? new IPEndPoint(address, port)
            : throw new FormatException($"--listen \"{listen}\": \"{host}\" is not an IP address (or localhost)");
    }
}
