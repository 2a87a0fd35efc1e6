using System.Security.Cryptography;
using System.Text;
using Barge.Resources.Model;

namespace Barge.Resources.Identity;

/// <summary>
/// Kargo's Freight ID (<c>pkg/api/freight.go GenerateFreightID</c>): the lowercase hex SHA-1 of
/// <c>"&lt;Kind&gt;/&lt;Name&gt;:"</c> followed by the ordinally sorted, <c>|</c>-joined artifact parts.
/// </summary>
public static class FreightId
{
    /// <summary>The ID of a piece of Freight, from its origin and artifacts (never from its name or alias).</summary>
    public static string Compute(Freight freight)
    {
        ArgumentNullException.ThrowIfNull(freight);
        return Hash(Preimage(freight));
    }

    /// <summary>The exact string that is hashed, for diagnostics.</summary>
    public static string Preimage(Freight freight)
    {
        ArgumentNullException.ThrowIfNull(freight);
        var parts = new List<string>();
        foreach (var commit in freight.Commits ?? [])
        {
            var url = RepoUrls.NormalizeGit(commit.RepoURL ?? "");
            var part = string.IsNullOrEmpty(commit.Tag) ? $"{url}:{commit.Id}" : $"{url}:{commit.Tag}:{commit.Id}";
            parts.Add(WithSubscription(part, commit.SubscriptionName));
        }
        foreach (var image in freight.Images ?? [])
        {
            parts.Add(WithSubscription($"{image.RepoURL}:{image.Tag}@{image.Digest}", image.SubscriptionName));
        }
        foreach (var chart in freight.Charts ?? [])
        {
            var path = GoPath.Join(RepoUrls.NormalizeChart(chart.RepoURL ?? ""), chart.Name ?? "");
            parts.Add(WithSubscription($"{path}:{chart.Version}", chart.SubscriptionName));
        }
        foreach (var artifact in freight.Artifacts ?? [])
        {
            parts.Add($"{artifact.ArtifactType}:{artifact.SubscriptionName}:{artifact.Version}");
        }
        parts.Sort(StringComparer.Ordinal);
        var origin = freight.Origin?.ToString() ?? "";
        return origin + ":" + string.Join('|', parts);
    }

    private static string WithSubscription(string part, string? subscriptionName) =>
        string.IsNullOrEmpty(subscriptionName) ? part : part + ":" + subscriptionName;

    private static string Hash(string preimage)
    {
#pragma warning disable CA5350 // SHA-1 is Kargo's content address, not a security boundary; the IDs must match Kargo's.
        var digest = SHA1.HashData(Encoding.UTF8.GetBytes(preimage));
#pragma warning restore CA5350
        return Convert.ToHexStringLower(digest);
    }
}
