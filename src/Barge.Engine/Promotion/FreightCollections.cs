using System.Security.Cryptography;
using System.Text;
using Barge.Resources.Model;

namespace Barge.Engine.Promotion;

/// <summary>
/// Kargo's <c>buildTargetFreightCollection</c>: with several requested origins, the Stage's last
/// Promotion's Freight for origins still requested is carried over and the target Freight upserted;
/// with one origin the collection holds only the target. The ID is the SHA-1 of the sorted,
/// comma-joined Freight names.
/// </summary>
internal static class FreightCollections
{
    public static FreightCollection ForTarget(Stage stage, FreightReference target)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(target);
        var requested = (stage.Spec?.RequestedFreight ?? []).Select(r => r.Origin?.ToString()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var items = new Dictionary<string, FreightReference>(StringComparer.Ordinal);
        if (requested.Count > 1 && stage.Status?.LastPromotion?.Status?.FreightCollection?.Items is { } previous)
        {
            foreach (var (origin, reference) in previous)
            {
                if (requested.Contains(origin))
                {
                    items[origin] = reference;
                }
            }
        }
        items[target.Origin?.ToString() ?? "/"] = target;
        return new FreightCollection { Id = IdOf(items.Values), Items = items };
    }

    public static string IdOf(IEnumerable<FreightReference> items)
    {
        var names = items.Select(i => i.Name ?? "").Order(StringComparer.Ordinal);
#pragma warning disable CA5350 // SHA-1 is Kargo's collection ID, not a security boundary; IDs must match Kargo's.
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Join(',', names))));
#pragma warning restore CA5350
    }

    public static FreightReference ReferenceTo(Freight freight)
    {
        ArgumentNullException.ThrowIfNull(freight);
        return new FreightReference
        {
            Name = freight.Name,
            Origin = freight.Origin,
            Commits = freight.Commits,
            Images = freight.Images,
            Charts = freight.Charts,
            Artifacts = freight.Artifacts,
        };
    }
}
