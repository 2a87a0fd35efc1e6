using Barge.Resources.Identity;
using Barge.Resources.Model;

namespace Barge.Engine.Discovery;

/// <summary>
/// Kargo's Freight from a discovery: element [0] of every git, image and chart result (the newest),
/// the commit message from the discovered subject, origin <c>Warehouse/&lt;name&gt;</c>,
/// <c>discoveredAt</c> from the discovery, and the name computed by <see cref="FreightId"/>.
/// </summary>
public static class FreightFactory
{
    /// <summary>The Freight, or null when a result is empty (validation reports that first).</summary>
    public static Freight? FromDiscovery(string project, string warehouse, DiscoveredArtifacts artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var commits = new List<GitCommit>();
        foreach (var result in artifacts.Git ?? [])
        {
            if (result.Commits is not { Count: > 0 } list)
            {
                return null;
            }
            var c = list[0];
            commits.Add(new GitCommit
            {
                RepoURL = result.RepoURL,
                Id = c.Id,
                Branch = c.Branch,
                Tag = c.Tag,
                Message = c.Subject,
                Author = c.Author,
                Committer = c.Committer,
                SubscriptionName = result.SubscriptionName,
            });
        }
        var images = new List<Image>();
        foreach (var result in artifacts.Images ?? [])
        {
            if (result.References is not { Count: > 0 } list)
            {
                return null;
            }
            var r = list[0];
            images.Add(new Image { RepoURL = result.RepoURL, Tag = r.Tag, Digest = r.Digest, Annotations = r.Annotations, SubscriptionName = result.SubscriptionName });
        }
        var charts = new List<Chart>();
        foreach (var result in artifacts.Charts ?? [])
        {
            if (result.Versions is not { Count: > 0 } list)
            {
                return null;
            }
            charts.Add(new Chart { RepoURL = result.RepoURL, Name = result.Name, Version = list[0], SubscriptionName = result.SubscriptionName });
        }
        var freight = new Freight
        {
            Metadata = new ObjectMeta { Namespace = project },
            Origin = new FreightOrigin { Kind = FreightOrigin.WarehouseKind, Name = warehouse },
            Commits = commits.Count == 0 ? null : commits,
            Images = images.Count == 0 ? null : images,
            Charts = charts.Count == 0 ? null : charts,
            DiscoveredAt = artifacts.DiscoveredAt,
        };
        return freight with { Metadata = freight.Metadata with { Name = FreightId.Compute(freight) } };
    }

    /// <summary>
    /// Kargo's validation of a discovery before Freight is built: a reason and message when any
    /// result is empty (or nothing was discovered at all), null when every result has an element.
    /// </summary>
    public static (string Reason, string Message)? Validate(DiscoveredArtifacts artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var total = (artifacts.Git?.Count ?? 0) + (artifacts.Images?.Count ?? 0) + (artifacts.Charts?.Count ?? 0) + (artifacts.Results?.Count ?? 0);
        if (total == 0)
        {
            return ("MissingArtifacts", "no artifacts discovered");
        }
        foreach (var git in artifacts.Git ?? [])
        {
            if (git.Commits is not { Count: > 0 })
            {
                return ("NoCommitsDiscovered", $"no commits discovered for git subscription \"{git.RepoURL}\" (no branch commit or tag matched the selection)");
            }
        }
        foreach (var image in artifacts.Images ?? [])
        {
            if (image.References is not { Count: > 0 })
            {
                return ("NoImageReferencesDiscovered", $"no image references discovered for image subscription \"{image.RepoURL}\" (no tag matched the selection)");
            }
        }
        foreach (var chart in artifacts.Charts ?? [])
        {
            if (chart.Versions is not { Count: > 0 })
            {
                return ("NoChartVersionsDiscovered", $"no versions discovered for chart subscription \"{chart.RepoURL}\"{(chart.Name is null ? "" : $" (chart \"{chart.Name}\")")}");
            }
        }
        return null;
    }
}
