namespace Barge.Resources.Model;

/// <summary>A provider receiver authenticated by a Secret.</summary>
public sealed record SecretWebhookReceiver
{
    /// <summary>The Secret holding the shared secret or token.</summary>
    public SecretReference? SecretRef { get; init; }
}
