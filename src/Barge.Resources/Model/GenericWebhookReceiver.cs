namespace Barge.Resources.Model;

/// <summary>A generic receiver whose actions are expressions over the request.</summary>
public sealed record GenericWebhookReceiver
{
    /// <summary>The Secret holding the shared secret.</summary>
    public SecretReference? SecretRef { get; init; }

    /// <summary>What to do on a request.</summary>
    public List<GenericWebhookAction>? Actions { get; init; }
}
