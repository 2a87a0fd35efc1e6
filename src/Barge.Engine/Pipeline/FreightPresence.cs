using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

/// <summary>
/// Kargo's <c>syncFreight</c> (kargo-spec.md §7.4): the Freight of a Stage's current collection is
/// <c>currentlyIn</c> it, and no other Freight is. Leaving records the soak time.
/// </summary>
internal sealed class FreightPresence
{
    private readonly FreightBookkeeping bookkeeping;

    public FreightPresence(FreightBookkeeping bookkeeping)
    {
        ArgumentNullException.ThrowIfNull(bookkeeping);
        this.bookkeeping = bookkeeping;
    }

    /// <summary>
    /// The status writes that make <c>currentlyIn[stage]</c> true exactly for the Freight of
    /// <paramref name="current"/>. <paramref name="freight"/> must hold the Freight that claims to be in
    /// the Stage and the Freight of the collection; a collection member not among them is reported missing.
    /// </summary>
    public FreightPresenceResult Sync(string stage, FreightCollection? current, IEnumerable<Freight> freight)
    {
        ArgumentException.ThrowIfNullOrEmpty(stage);
        ArgumentNullException.ThrowIfNull(freight);
        var wanted = new HashSet<string>(current?.Items?.Values.Select(r => r.Name ?? "") ?? [], StringComparer.Ordinal);
        var byName = new Dictionary<string, Freight>(StringComparer.Ordinal);
        foreach (var item in freight)
        {
            byName.TryAdd(item.Name, item);
        }
        var updates = new List<FreightStatusUpdate>();
        foreach (var item in byName.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var before = item.Status;
            var after = wanted.Contains(item.Name) ? bookkeeping.EnterStage(before, stage) : bookkeeping.LeaveStage(before, stage);
            if (!ReferenceEquals(before, after) && (before is not null || after.CurrentlyIn is not null))
            {
                updates.Add(new FreightStatusUpdate(item.Name, after));
            }
        }
        var missing = wanted.Where(name => !byName.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        return new FreightPresenceResult(updates, missing);
    }
}
