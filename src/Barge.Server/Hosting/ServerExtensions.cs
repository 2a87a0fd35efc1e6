using Barge.Server.Auth;
using Barge.Server.Metrics;
using Barge.Server.Ui;
using Barge.Server.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Barge.Server.Hosting;

/// <summary>
/// The one place where optional server features plug in (webhook receivers, /metrics): their
/// <c>services.AddX()</c> in <see cref="AddServices"/> and their <c>app.MapX()</c> in <see cref="Map"/>.
/// Each mapped route must carry an <see cref="Access"/> policy (anonymous for receivers that
/// authenticate by their own secret); the route-table test fails otherwise.
/// </summary>
internal static class ServerExtensions
{
    public static void AddServices(IServiceCollection services, BargeServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(new WebhookOptions { BaseUrl = WebhookBaseUrl(options) });
        services.AddBargeWebhooks();
        services.AddBargeMetrics();
        services.AddSingleton<UiSessions>();
    }

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Receivers authenticate each call by their own secret (signature or token), not by a bearer token.
        app.MapBargeWebhooks();
        // Scrapers rarely carry tokens, and no label holds a secret (docs/metrics.md).
        app.MapBargeMetrics();
        // The web UI authenticates by its own session cookie and checks roles per page (docs/ui.md).
        app.MapBargeUi();
    }

    /// <summary>The receivers' public base URL: the configured one, or the listen address with <c>/webhooks</c>.</summary>
    internal static Uri WebhookBaseUrl(BargeServerOptions options)
    {
        if (options.WebhookBaseUrl is { } configured)
        {
            return configured;
        }
        var scheme = options.TlsCertificatePath is null ? "http" : "https";
        return new Uri($"{scheme}://{options.Listen}/webhooks");
    }
}
