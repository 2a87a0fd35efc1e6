namespace Barge.Resources.Model;

/// <summary>Where a webhook receiver listens.</summary>
public sealed record WebhookReceiverDetails
{
    /// <summary>The receiver's name.</summary>
    public string? Name { get; init; }

    /// <summary>The receiver's path.</summary>
    public string? Path { get; init; }

    /// <summary>The receiver's full URL.</summary>
    public string? Url { get; init; }
}
