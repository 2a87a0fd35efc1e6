using Barge.Resources.Model;

namespace Barge.Engine.Discovery;

/// <summary>
/// What a Warehouse's discovery found (<paramref name="Artifacts"/>, the successful subscriptions) and
/// the errors of the subscriptions that failed, each naming its subscription.
/// </summary>
public sealed record WarehouseDiscoveryOutcome(DiscoveredArtifacts Artifacts, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
