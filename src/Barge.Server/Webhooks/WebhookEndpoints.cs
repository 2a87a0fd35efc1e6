using System.Text.Json;
using Barge.Server.Webhooks.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Barge.Server.Webhooks;

/// <summary>
/// Wires the webhook receivers into a host. Needs <see cref="Storage.IResourceStore"/> and
/// <see cref="Engine.Credentials.SecretCipher"/> registered (a <see cref="TimeProvider"/> and
/// <see cref="WebhookOptions"/> are added when missing). The receivers carry their own secret: no
/// bearer authentication applies to them.
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>Registers the receivers' services and the publisher of <c>status.webhookReceivers</c>.</summary>
    public static IServiceCollection AddBargeWebhooks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new WebhookOptions());
        services.TryAddSingleton<ReceiverDirectory>();
        services.TryAddSingleton<WarehouseRefresher>();
        services.TryAddSingleton<ReplayGuard>();
        services.TryAddSingleton<GenericProvider>();
        services.TryAddSingleton<WebhookHandler>();
        services.TryAddSingleton<ReceiverStatusPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<ReceiverStatusPublisher>());
        return services;
    }

    /// <summary>Maps <c>&lt;base path&gt;/{receiverType}/{token}</c> for every method (Kargo does not check it).</summary>
    public static IEndpointRouteBuilder MapBargeWebhooks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<WebhookOptions>();
        endpoints.Map(options.BasePath + "/{receiverType}/{token}", async (HttpContext context, WebhookHandler handler) =>
        {
            var reply = await handler.HandleAsync(context.Request, context.RequestAborted);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body.ToJsonString(JsonOptions) + "\n", context.RequestAborted);
        })
            .WithName("webhook-receiver")
            .WithMetadata(Auth.Access.Anonymous)
            // The handler answers 413 itself past MaxBodyBytes. The server may drain up to eight times that so a
            // sender of an oversized body reads the 413 instead of a reset; beyond it the connection is cut.
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxBodyBytes * 8));
        return endpoints;
    }

    private static readonly JsonSerializerOptions JsonOptions = new();
}
