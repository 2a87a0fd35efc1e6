using Barge.Engine.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Barge.Server.Metrics;

/// <summary>
/// Prometheus metrics at <c>/metrics</c> through OpenTelemetry's exporter: Barge's own meter
/// (<see cref="BargeMetrics"/>) and ASP.NET Core's HTTP server meter, whose request duration carries
/// method, route template and status code (never a raw path, so cardinality stays bounded).
/// </summary>
public static class MetricsEndpoints
{
    /// <summary>The scrape path.</summary>
    public const string Path = "/metrics";

    /// <summary>The meter ASP.NET Core records HTTP server requests on.</summary>
    public const string HttpMeterName = "Microsoft.AspNetCore.Hosting";

    /// <summary>Registers the meter provider and the Prometheus exporter.</summary>
    public static IServiceCollection AddBargeMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(BargeMetrics.MeterName, HttpMeterName)
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    /// <summary>Maps <c>GET /metrics</c> (Prometheus text format; OpenMetrics when the scraper asks for it).</summary>
    public static IEndpointRouteBuilder MapBargeMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPrometheusScrapingEndpoint(Path).WithMetadata(Auth.Access.Anonymous);
        return endpoints;
    }
}
