namespace Barge.Engine.Discovery.Charts;

/// <summary>
/// The outcome of one chart subscription, as Kargo's <c>ChartDiscoveryResult</c>: versions newest
/// first, or the error that stopped discovery.
/// </summary>
public sealed record ChartDiscoveryResult(
    string RepoURL,
    string? Name,
    string? SemverConstraint,
    IReadOnlyList<string> Versions,
    string? Error)
{
    public bool Succeeded => Error is null;

    public static ChartDiscoveryResult Failed(ChartSubscriptionOptions subscription, string error)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return new(subscription.RepoURL, subscription.Name, subscription.SemverConstraint, [], error);
    }
}
