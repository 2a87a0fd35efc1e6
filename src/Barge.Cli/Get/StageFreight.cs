using Barge.Server.Api;
using Barge.Storage;

namespace Barge.Cli.Get;

/// <summary>
/// <c>get freight --stage S</c> in embedded mode: the Freight of the origins the Stage requests, each with the
/// engine's availability verdict, read by the same <see cref="ResourceReads.FreightForStageAsync"/> the API's
/// <c>?stage=S&amp;availability=all</c> query answers remote mode with.
/// </summary>
internal static class StageFreight
{
    /// <summary>The Freight of the requested origins with their verdicts; or an error naming the missing Stage or Warehouse.</summary>
    public static async Task<(IReadOnlyList<FreightVerdict> Freight, string? Error)> ListAsync(
        IResourceStore store, string project, string stageName, string? origin, TimeProvider time, CancellationToken cancellationToken)
    {
        var found = await new ResourceReads(store, time).FreightForStageAsync(project, stageName, origin is null ? [] : [origin], cancellationToken);
        return found.Succeeded ? (found.Value, null) : ([], found.Error.Message);
    }
}
