using Barge.Resources.Manifests;
using Barge.Resources.Model;

namespace Barge.Resources.Validation;

/// <summary>Single-document Freight rules (Kargo's Freight webhook); origin and immutability need the batch validator.</summary>
internal static class FreightValidator
{
    public static void Validate(Freight freight, Problems problems)
    {
        if (problems.Required("origin", freight.Origin))
        {
            problems.OriginKind("origin.kind", freight.Origin!.Kind);
            problems.Required("origin.name", freight.Origin.Name);
        }
        var commits = freight.Commits ?? [];
        var images = freight.Images ?? [];
        var charts = freight.Charts ?? [];
        var artifacts = freight.Artifacts ?? [];
        if (commits.Count + images.Count + charts.Count + artifacts.Count == 0)
        {
            problems.Add("", "Freight must contain at least one commit, image, chart or artifact");
        }
        for (var i = 0; i < commits.Count; i++)
        {
            problems.Required(FieldPath.Item("commits", i) + ".repoURL", commits[i].RepoURL);
            problems.Required(FieldPath.Item("commits", i) + ".id", commits[i].Id);
        }
        for (var i = 0; i < images.Count; i++)
        {
            problems.Required(FieldPath.Item("images", i) + ".repoURL", images[i].RepoURL);
            if (string.IsNullOrEmpty(images[i].Tag) && string.IsNullOrEmpty(images[i].Digest))
            {
                problems.Add(FieldPath.Item("images", i), "at least one of tag or digest must be set");
            }
        }
        for (var i = 0; i < charts.Count; i++)
        {
            problems.Required(FieldPath.Item("charts", i) + ".repoURL", charts[i].RepoURL);
            problems.Required(FieldPath.Item("charts", i) + ".version", charts[i].Version);
        }
        for (var i = 0; i < artifacts.Count; i++)
        {
            problems.Required(FieldPath.Item("artifacts", i) + ".artifactType", artifacts[i].ArtifactType);
            problems.Required(FieldPath.Item("artifacts", i) + ".subscriptionName", artifacts[i].SubscriptionName);
            problems.Required(FieldPath.Item("artifacts", i) + ".version", artifacts[i].Version);
        }
        if (!string.IsNullOrEmpty(freight.Alias) && (freight.Alias.Length > 63 || !IsLabelValue(freight.Alias)))
        {
            problems.Add("alias", $"invalid alias \"{freight.Alias}\": it is kept in a label, so at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
        }
    }

    private static bool IsLabelValue(string value) =>
        char.IsAsciiLetterOrDigit(value[0]) && char.IsAsciiLetterOrDigit(value[^1])
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
