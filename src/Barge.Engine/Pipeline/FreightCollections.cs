using System.Security.Cryptography;
using System.Text;
using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

/// <summary>
/// Freight collections (kargo-spec.md §1.6, §7.4): one Freight per origin, an ID that is the SHA-1 of
/// the sorted, comma-joined Freight names, and a verification history newest first, at most 10.
/// </summary>
public static class FreightCollections
{
    /// <summary>How many verification attempts a collection keeps.</summary>
    public const int MaxVerifications = 10;

    /// <summary>Kargo's <c>UpdateOrPush</c>: insert or replace by origin, then recompute the ID.</summary>
    public static FreightCollection UpdateOrPush(FreightCollection? collection, params IEnumerable<FreightReference> freight)
    {
        ArgumentNullException.ThrowIfNull(freight);
        var items = new Dictionary<string, FreightReference>(collection?.Items ?? [], StringComparer.Ordinal);
        foreach (var reference in freight)
        {
            items[OriginKeys.Of(reference.Origin)] = reference;
        }
        return (collection ?? new FreightCollection()) with { Items = items, Id = Id(items.Values.Select(r => r.Name ?? "")) };
    }

    /// <summary>The lowercase hex SHA-1 of the sorted, comma-joined names.</summary>
    public static string Id(IEnumerable<string> freightNames)
    {
        var sorted = freightNames.Order(StringComparer.Ordinal);
#pragma warning disable CA5350 // SHA-1 is Kargo's collection ID, not a security boundary; the IDs must match Kargo's.
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Join(',', sorted))));
#pragma warning restore CA5350
    }

    /// <summary>
    /// Kargo's <c>buildTargetFreightCollection</c>: with several requested origins, the last Promotion's
    /// Freight of the origins still requested, then the target; with one origin, the target alone.
    /// </summary>
    public static FreightCollection ForPromotion(Stage stage, FreightReference target)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(target);
        var requests = stage.Spec?.RequestedFreight ?? [];
        var inherited = new List<FreightReference>();
        if (requests.Count > 1 && stage.Status?.LastPromotion?.Status?.FreightCollection?.Items is { } last)
        {
            foreach (var request in requests)
            {
                if (last.TryGetValue(OriginKeys.Of(request.Origin), out var reference))
                {
                    inherited.Add(reference);
                }
            }
        }
        return UpdateOrPush(UpdateOrPush(null, inherited), target);
    }

    /// <summary>A Freight's reference as Stage and Promotion status hold it.</summary>
    public static FreightReference Reference(Freight freight)
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

    /// <summary>Whether the collection holds the named Freight.</summary>
    public static bool Includes(FreightCollection? collection, string freight) =>
        collection?.Items?.Values.Any(r => r.Name == freight) == true;

    /// <summary>The newest verification attempt, or null.</summary>
    public static VerificationInfo? CurrentVerification(FreightCollection? collection) =>
        collection?.VerificationHistory is [var newest, ..] ? newest : null;

    /// <summary>Whether a verification of the collection is still Pending or Running.</summary>
    public static bool HasNonTerminalVerification(FreightCollection? collection) =>
        collection?.VerificationHistory?.Exists(v => !VerificationPhases.IsTerminal(v.Phase)) == true;

    /// <summary>
    /// Kargo's <c>VerificationInfoStack.UpdateOrPush</c>: replace the attempt with the same ID in place,
    /// or put a new one on top; keep at most <see cref="MaxVerifications"/>.
    /// </summary>
    public static FreightCollection RecordVerification(FreightCollection collection, VerificationInfo info)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(info);
        var history = new List<VerificationInfo>(collection.VerificationHistory ?? []);
        var index = history.FindIndex(v => v.Id == info.Id);
        if (index >= 0)
        {
            history[index] = info;
        }
        else
        {
            history.Insert(0, info);
        }
        if (history.Count > MaxVerifications)
        {
            history.RemoveRange(MaxVerifications, history.Count - MaxVerifications);
        }
        return collection with { VerificationHistory = history };
    }
}
