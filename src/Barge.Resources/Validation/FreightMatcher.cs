using Barge.Resources.Identity;
using Barge.Resources.Manifests;
using Barge.Resources.Model;

namespace Barge.Resources.Validation;

/// <summary>
/// Kargo's Freight webhook rule: every subscription of the origin Warehouse is matched by exactly one
/// artifact (by normalised URL; charts by normalised URL joined with the name; custom types by
/// subscription name), and every artifact by a subscription.
/// </summary>
internal static class FreightMatcher
{
    public static void Check(ManifestDocument document, Freight freight, Warehouse warehouse, List<ManifestError> errors)
    {
        var artifacts = new List<(string Key, string Path, string Display)>();
        var commits = freight.Commits ?? [];
        for (var i = 0; i < commits.Count; i++)
        {
            artifacts.Add(("git " + RepoUrls.NormalizeGit(commits[i].RepoURL ?? ""), FieldPath.Item("commits", i), $"commit of {commits[i].RepoURL}"));
        }
        var images = freight.Images ?? [];
        for (var i = 0; i < images.Count; i++)
        {
            artifacts.Add(("image " + RepoUrls.NormalizeImage(images[i].RepoURL ?? ""), FieldPath.Item("images", i), $"image {images[i].RepoURL}"));
        }
        var charts = freight.Charts ?? [];
        for (var i = 0; i < charts.Count; i++)
        {
            artifacts.Add(("chart " + GoPath.Join(RepoUrls.NormalizeChart(charts[i].RepoURL ?? ""), charts[i].Name ?? ""), FieldPath.Item("charts", i), $"chart {charts[i].RepoURL}"));
        }
        var generic = freight.Artifacts ?? [];
        for (var i = 0; i < generic.Count; i++)
        {
            artifacts.Add(("custom " + generic[i].SubscriptionName, FieldPath.Item("artifacts", i), $"artifact of subscription \"{generic[i].SubscriptionName}\""));
        }
        var subscriptions = new List<(string Key, string Display)>();
        foreach (var subscription in warehouse.Spec?.Subscriptions ?? [])
        {
            if (subscription.Git is { } git)
            {
                subscriptions.Add(("git " + RepoUrls.NormalizeGit(git.RepoURL ?? ""), $"git {git.RepoURL}"));
            }
            else if (subscription.Image is { } image)
            {
                subscriptions.Add(("image " + RepoUrls.NormalizeImage(image.RepoURL ?? ""), $"image {image.RepoURL}"));
            }
            else if (subscription.Chart is { } chart)
            {
                subscriptions.Add(("chart " + GoPath.Join(RepoUrls.NormalizeChart(chart.RepoURL ?? ""), chart.Name ?? ""), $"chart {chart.RepoURL}"));
            }
            else if (subscription.Custom is { Count: > 0 })
            {
                subscriptions.Add(("custom " + subscription.Name, $"subscription \"{subscription.Name}\""));
            }
        }
        foreach (var (key, display) in subscriptions)
        {
            var count = artifacts.Count(a => a.Key == key);
            if (count == 0)
            {
                errors.Add(document.Error("", $"no artifact found for subscription {display} of Warehouse \"{warehouse.Name}\""));
            }
            else if (count > 1)
            {
                errors.Add(document.Error(artifacts.First(a => a.Key == key).Path, $"multiple artifacts found for subscription {display} of Warehouse \"{warehouse.Name}\""));
            }
        }
        foreach (var (key, path, display) in artifacts)
        {
            if (!subscriptions.Any(s => s.Key == key))
            {
                errors.Add(document.Error(path, $"no subscription found for {display} in Warehouse \"{warehouse.Name}\""));
            }
        }
    }
}
