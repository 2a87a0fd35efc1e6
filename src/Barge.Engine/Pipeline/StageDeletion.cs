using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

/// <summary>Kargo's Stage deletion cleanup (kargo-spec.md §7.5): Freight forgets it was verified in or approved for the Stage.</summary>
internal static class StageDeletion
{
    /// <summary>The status writes for the Freight that named the deleted Stage in <c>verifiedIn</c> or <c>approvedFor</c>.</summary>
    public static IReadOnlyList<FreightStatusUpdate> Cleanup(string stage, IEnumerable<Freight> freight)
    {
        ArgumentException.ThrowIfNullOrEmpty(stage);
        ArgumentNullException.ThrowIfNull(freight);
        var updates = new List<FreightStatusUpdate>();
        foreach (var item in freight)
        {
            var after = FreightBookkeeping.ForgetStage(item.Status, stage);
            if (item.Status is not null && !ReferenceEquals(after, item.Status))
            {
                updates.Add(new FreightStatusUpdate(item.Name, after));
            }
        }
        return updates;
    }
}
