using System.Text.RegularExpressions;
using Barge.Resources.Identity;
using Barge.Resources.Manifests;
using Barge.Resources.Model;

namespace Barge.Resources.Validation;

/// <summary>Warehouse rules: the CRD schema's patterns and Kargo's Warehouse webhook.</summary>
internal static partial class WarehouseValidator
{
    public static void Validate(Warehouse warehouse, Problems problems)
    {
        if (!problems.Required("spec", warehouse.Spec))
        {
            return;
        }
        var spec = warehouse.Spec!;
        problems.Duration("spec.interval", spec.Interval);
        var subscriptions = spec.Subscriptions ?? [];
        problems.MinItems("spec.subscriptions", subscriptions);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < subscriptions.Count; i++)
        {
            var path = FieldPath.Item("spec.subscriptions", i);
            var subscription = subscriptions[i];
            var types = new List<string>();
            if (subscription.Git is not null)
            {
                types.Add("git");
            }
            if (subscription.Image is not null)
            {
                types.Add("image");
            }
            if (subscription.Chart is not null)
            {
                types.Add("chart");
            }
            types.AddRange(subscription.Custom?.Keys ?? Enumerable.Empty<string>());
            if (types.Count != 1)
            {
                problems.Add(path, types.Count == 0
                    ? "exactly one subscription type (git, image, chart or a custom type) must be set"
                    : $"exactly one subscription type must be set, found {string.Join(", ", types)}");
            }
            if (!string.IsNullOrEmpty(subscription.Name))
            {
                if (names.TryGetValue(subscription.Name, out var first))
                {
                    problems.Add(FieldPath.Child(path, "name"), $"duplicate subscription name \"{subscription.Name}\": already used by subscription {first}");
                }
                else
                {
                    names[subscription.Name] = i;
                }
            }
            foreach (var custom in subscription.Custom ?? [])
            {
                if (string.IsNullOrEmpty(subscription.Name))
                {
                    problems.Add(FieldPath.Child(path, "name"), $"required for the custom subscription type \"{custom.Key}\"");
                }
                if (custom.Value.ValueKind != System.Text.Json.JsonValueKind.Object)
                {
                    problems.Add(FieldPath.Child(path, custom.Key), "expected object");
                }
            }
            string? key = null;
            if (subscription.Git is { } git)
            {
                key = Git(FieldPath.Child(path, "git"), git, problems);
            }
            else if (subscription.Image is { } image)
            {
                key = Image(FieldPath.Child(path, "image"), image, problems);
            }
            else if (subscription.Chart is { } chart)
            {
                key = Chart(FieldPath.Child(path, "chart"), chart, problems);
            }
            if (key is not null)
            {
                if (seen.TryGetValue(key, out var first))
                {
                    problems.Add($"{path}.{types[0]}.repoURL", $"duplicate subscription: subscription {first} already watches {key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]}");
                }
                else
                {
                    seen[key] = i;
                }
            }
        }
    }

    private static string? Git(string path, GitSubscription git, Problems problems)
    {
        var urlPath = FieldPath.Child(path, "repoURL");
        var ok = problems.Required(urlPath, git.RepoURL);
        if (ok && !GitUrl().IsMatch(git.RepoURL!) && !git.RepoURL!.StartsWith("file:///", StringComparison.Ordinal))
        {
            problems.Add(urlPath, $"invalid git repository URL \"{git.RepoURL}\": expected http(s)://, ssh://, scp-style user@host:path, or file:/// for a local repository");
            ok = false;
        }
        if (!string.IsNullOrEmpty(git.Branch) && !BranchName().IsMatch(git.Branch))
        {
            problems.Add(FieldPath.Child(path, "branch"), $"invalid branch name \"{git.Branch}\": must match ^[a-zA-Z0-9]([a-zA-Z0-9._\\/-]*[a-zA-Z0-9_-])?$");
        }
        Deprecated(path, git.AllowTags is not null, git.IgnoreTags is not null, problems);
        problems.Regexes(FieldPath.Child(path, "allowTagsRegexes"), git.AllowTagsRegexes);
        problems.Regexes(FieldPath.Child(path, "ignoreTagsRegexes"), git.IgnoreTagsRegexes);
        problems.Range(FieldPath.Child(path, "discoveryLimit"), git.DiscoveryLimit, 1, 100);
        problems.SemverConstraint(FieldPath.Child(path, "semverConstraint"), git.SemverConstraint);
        return ok ? "git " + RepoUrls.NormalizeGit(git.RepoURL!) : null;
    }

    private static string? Image(string path, ImageSubscription image, Problems problems)
    {
        var urlPath = FieldPath.Child(path, "repoURL");
        var ok = problems.Required(urlPath, image.RepoURL);
        if (ok && !ImageRepo().IsMatch(image.RepoURL!))
        {
            problems.Add(urlPath, $"invalid image repository \"{image.RepoURL}\": expected [registry[:port]/]path without tag or digest");
            ok = false;
        }
        if (image.ImageSelectionStrategy == ImageSelectionStrategy.Digest && string.IsNullOrEmpty(image.Constraint))
        {
            problems.Add(FieldPath.Child(path, "constraint"), "required when imageSelectionStrategy is Digest: it names the mutable tag to track");
        }
        if ((image.ImageSelectionStrategy ?? ImageSelectionStrategy.SemVer) == ImageSelectionStrategy.SemVer)
        {
            problems.SemverConstraint(FieldPath.Child(path, "constraint"), image.Constraint);
        }
        if (!string.IsNullOrEmpty(image.Platform) && !Platform().IsMatch(image.Platform))
        {
            problems.Add(FieldPath.Child(path, "platform"), $"invalid platform \"{image.Platform}\": expected os/arch[/variant], e.g. linux/amd64");
        }
        Deprecated(path, image.AllowTags is not null, image.IgnoreTags is not null, problems);
        problems.Regexes(FieldPath.Child(path, "allowTagsRegexes"), image.AllowTagsRegexes);
        problems.Regexes(FieldPath.Child(path, "ignoreTagsRegexes"), image.IgnoreTagsRegexes);
        problems.Range(FieldPath.Child(path, "discoveryLimit"), image.DiscoveryLimit, 1, 100);
        return ok ? "image " + RepoUrls.NormalizeImage(image.RepoURL!) : null;
    }

    private static string? Chart(string path, ChartSubscription chart, Problems problems)
    {
        var urlPath = FieldPath.Child(path, "repoURL");
        var ok = problems.Required(urlPath, chart.RepoURL);
        if (ok && !ChartRepo().IsMatch(chart.RepoURL!))
        {
            problems.Add(urlPath, $"invalid chart repository URL \"{chart.RepoURL}\": expected http(s):// or oci://");
            ok = false;
        }
        var isOci = chart.RepoURL?.StartsWith("oci://", StringComparison.OrdinalIgnoreCase) == true;
        if (ok && isOci && !string.IsNullOrEmpty(chart.Name))
        {
            problems.Add(FieldPath.Child(path, "name"), "must be empty for an oci:// repository: the chart is the repository itself");
        }
        if (ok && !isOci && string.IsNullOrEmpty(chart.Name))
        {
            problems.Add(FieldPath.Child(path, "name"), "required for an http(s):// chart repository");
        }
        problems.Range(FieldPath.Child(path, "discoveryLimit"), chart.DiscoveryLimit, 1, 100);
        problems.SemverConstraint(FieldPath.Child(path, "semverConstraint"), chart.SemverConstraint);
        if (!ok)
        {
            return null;
        }
        var normalized = RepoUrls.NormalizeChart(chart.RepoURL!);
        return "chart " + (isOci ? normalized : normalized + ":" + chart.Name);
    }

    private static void Deprecated(string path, bool allowTags, bool ignoreTags, Problems problems)
    {
        if (allowTags)
        {
            problems.Add(FieldPath.Child(path, "allowTags"), "deprecated and unsupported as of Kargo v1.11.0; use allowTagsRegexes instead");
        }
        if (ignoreTags)
        {
            problems.Add(FieldPath.Child(path, "ignoreTags"), "deprecated and unsupported as of Kargo v1.11.0; use ignoreTagsRegexes instead");
        }
    }

    [GeneratedRegex(@"(?:^(ssh|https?)://(?:([\w-]+)(:(.+))?@)?([\w-]+(?:\.[\w-]+)*)(?::(\d{1,5}))?(/.*)$)|(?:^([\w-]+)@([\w+]+(?:\.[\w-]+)*):(/?.*))", RegexOptions.CultureInvariant)]
    private static partial Regex GitUrl();

    [GeneratedRegex(@"^[a-zA-Z0-9]([a-zA-Z0-9._\/-]*[a-zA-Z0-9_-])?$", RegexOptions.CultureInvariant)]
    private static partial Regex BranchName();

    [GeneratedRegex(@"^(\w+([\.-]\w+)*(:[\d]+)?/)?(\w+([\.-]\w+)*)(/\w+([\.-]\w+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ImageRepo();

    [GeneratedRegex(@"^\w+/\w+(/\w+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Platform();

    [GeneratedRegex(@"^(((https?)|(oci))://)(([\w\d\.\-]+)(:([\d]+)?)?(/.*)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ChartRepo();
}
