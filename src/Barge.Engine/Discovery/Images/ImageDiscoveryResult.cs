namespace Barge.Engine.Discovery.Images;

/// <summary>
/// The outcome of one image subscription: its references newest first (index 0 is "latest"), or
/// the error that stopped discovery. An empty list without error means nothing matched.
/// </summary>
public sealed record ImageDiscoveryResult(
    string RepoURL,
    string? Platform,
    IReadOnlyList<DiscoveredImageReference> References,
    string? Error)
{
    public bool Succeeded => Error is null;

    public static ImageDiscoveryResult Failed(ImageSubscriptionOptions subscription, string error)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return new(subscription.RepoURL, subscription.Platform, [], error);
    }
}
