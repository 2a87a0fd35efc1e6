using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

/// <summary>
/// Kargo's <c>SelectAutoPromotionCandidates</c> (kargo-spec.md §7.3): per requested origin, the available
/// Freight discovered last (<c>discoveredAt</c>, else the creation time; ties to the greater name). With
/// <c>MatchUpstream</c>, two Freight both in the upstream Stage are a transient race: no candidate this pass.
/// Also resolves <c>spec.origin</c> Promotions (<c>barge promote --warehouse</c>).
/// </summary>
public static class AutoPromotionCandidates
{
    /// <summary>The candidate per origin key (<c>"Warehouse/&lt;name&gt;"</c>) among <paramref name="available"/>.</summary>
    public static IReadOnlyDictionary<string, Freight> Select(Stage stage, IEnumerable<Freight> available)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(available);
        var byOrigin = available.GroupBy(f => OriginKeys.Of(f.Origin), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var candidates = new Dictionary<string, Freight>(StringComparer.Ordinal);
        foreach (var request in stage.Spec?.RequestedFreight ?? [])
        {
            var origin = OriginKeys.Of(request.Origin);
            if (!byOrigin.TryGetValue(origin, out var freight) || freight.Count == 0)
            {
                continue;
            }
            if (request.Sources?.AutoPromotionOptions?.SelectionPolicy == AutoPromotionSelectionPolicy.MatchUpstream && freight.Count > 1)
            {
                continue;
            }
            candidates[origin] = freight.OrderByDescending(DiscoveredAt).ThenByDescending(f => f.Name, StringComparer.Ordinal).First();
        }
        return candidates;
    }

    /// <summary>Kargo's <c>EffectiveDiscoveredAt</c>: <c>discoveredAt</c>, else the creation time.</summary>
    public static DateTimeOffset DiscoveredAt(Freight freight)
    {
        ArgumentNullException.ThrowIfNull(freight);
        return freight.DiscoveredAt ?? freight.Metadata.CreationTimestamp ?? DateTimeOffset.MinValue;
    }
}
