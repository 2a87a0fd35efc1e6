namespace Barge.Server.Webhooks.Providers;

/// <summary>One provider's authentication and payload reading (Kargo's <c>pkg/webhook/external/&lt;provider&gt;.go</c>).</summary>
internal interface IReceiverProvider
{
    /// <summary>Authenticates the call against the receiver's secret and reads the pushed repository, or answers directly.</summary>
    ProviderResult Handle(WebhookRequest request, ReceiverEntry receiver);

    /// <summary>The sender's delivery id, when the provider sends one (used to refuse replays).</summary>
    string? DeliveryId(WebhookRequest request);
}
