using System.Text.RegularExpressions;
using Barge.Engine.Discovery.Git;
using Barge.Resources.Identity;
using Barge.Resources.Model;
using Barge.Resources.Versioning;
using ImageTagFilter = Barge.Engine.Discovery.Images.TagFilter;

namespace Barge.Server.Webhooks;

/// <summary>
/// Whether a Warehouse's subscriptions accept a push (Kargo's <c>refresh.go</c> qualifiers): a
/// subscription of the same kind whose normalised repoURL is one of the push's URLs, and, when the push
/// names qualifiers, one of them passes the subscription's filters. Git: branch subscriptions take
/// <c>refs/heads/&lt;branch&gt;</c> (<c>main</c>/<c>master</c> when no branch is set), tag strategies
/// take <c>refs/tags/&lt;t&gt;</c> passing the tag regexes and semver constraint, and known changed
/// paths must pass include/exclude paths. Image: the tag passes the regexes, parses and satisfies the
/// constraint under SemVer, equals the constraint under Digest. Chart: the version satisfies the constraint.
/// A filter that does not compile makes the subscription match nothing (its discovery fails anyway).
/// </summary>
internal static class SubscriptionMatcher
{
    public static bool Accepts(WarehouseSpec spec, RepositoryPush push)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(push);
        foreach (var subscription in spec.Subscriptions ?? [])
        {
            var accepted = subscription switch
            {
                { Git: { } git } => push.Urls.Contains(new RepositoryUrl(RepositoryKind.Git, RepoUrls.NormalizeGit(git.RepoURL ?? ""))) && GitAccepts(git, push),
                { Image: { } image } => push.Urls.Contains(new RepositoryUrl(RepositoryKind.Image, RepoUrls.NormalizeImage(image.RepoURL ?? ""))) && ImageAccepts(image, push.Qualifiers),
                { Chart: { } chart } => push.Urls.Contains(new RepositoryUrl(RepositoryKind.Chart, RepoUrls.NormalizeChart(chart.RepoURL ?? ""))) && ChartAccepts(chart, push.Qualifiers),
                _ => false,
            };
            if (accepted)
            {
                return true;
            }
        }
        return false;
    }

    private static bool GitAccepts(GitSubscription git, RepositoryPush push)
    {
        if (push.Qualifiers.Count == 0)
        {
            return true;
        }
        var strategy = git.CommitSelectionStrategy ?? CommitSelectionStrategy.NewestFromBranch;
        bool refAccepted;
        if (strategy == CommitSelectionStrategy.NewestFromBranch)
        {
            var branches = string.IsNullOrEmpty(git.Branch) ? new[] { "main", "master" } : [git.Branch];
            refAccepted = push.Qualifiers.Any(q => branches.Any(b => q == "refs/heads/" + b));
        }
        else
        {
            if (!TryTagFilter(git, out var filter, out var constraint))
            {
                return false;
            }
            refAccepted = push.Qualifiers.Where(q => q.StartsWith("refs/tags/", StringComparison.Ordinal)).Select(q => q["refs/tags/".Length..]).Any(tag =>
                filter.Matches(tag)
                && (strategy != CommitSelectionStrategy.SemVer
                    || (SemVersion.TryParseKargo(tag, git.StrictSemvers ?? true, out var version) && (constraint is null || constraint.IsSatisfiedBy(version)))));
        }
        if (!refAccepted)
        {
            return false;
        }
        if (push.ChangedPaths is null || ((git.IncludePaths?.Count ?? 0) == 0 && (git.ExcludePaths?.Count ?? 0) == 0))
        {
            return true;
        }
        var include = ParsePaths(git.IncludePaths);
        var exclude = ParsePaths(git.ExcludePaths);
        return include is not null && exclude is not null && new PathFilter(include, exclude).Matches(push.ChangedPaths);
    }

    private static bool TryTagFilter(GitSubscription git, out TagFilter filter, out SemVerConstraints? constraint)
    {
        filter = null!;
        constraint = null;
        var allow = Compile(git.AllowTagsRegexes);
        var ignore = Compile(git.IgnoreTagsRegexes);
        if (allow is null || ignore is null)
        {
            return false;
        }
        if (!string.IsNullOrEmpty(git.SemverConstraint) && !SemVerConstraints.TryParse(git.SemverConstraint, out constraint, out _))
        {
            return false;
        }
        filter = new TagFilter(allow, ignore);
        return true;
    }

    private static List<Regex>? Compile(List<string>? patterns)
    {
        var compiled = new List<Regex>();
        foreach (var pattern in patterns ?? [])
        {
            if (!TagPatterns.TryCompile(pattern, out var regex, out _))
            {
                return null;
            }
            compiled.Add(regex);
        }
        return compiled;
    }

    private static List<PathSelector>? ParsePaths(List<string>? selectors)
    {
        var parsed = new List<PathSelector>();
        foreach (var text in selectors ?? [])
        {
            if (!PathSelector.TryParse(text, out var selector, out _))
            {
                return null;
            }
            parsed.Add(selector);
        }
        return parsed;
    }

    private static bool ImageAccepts(ImageSubscription image, IReadOnlyList<string> tags)
    {
        if (tags.Count == 0)
        {
            return true;
        }
        if (!ImageTagFilter.TryCreate(image.AllowTagsRegexes ?? [], image.IgnoreTagsRegexes ?? [], [], out var filter))
        {
            return false;
        }
        var strategy = image.ImageSelectionStrategy ?? ImageSelectionStrategy.SemVer;
        SemVerConstraints? constraint = null;
        if (strategy == ImageSelectionStrategy.SemVer && !string.IsNullOrEmpty(image.Constraint) && !SemVerConstraints.TryParse(image.Constraint, out constraint, out _))
        {
            return false;
        }
        return tags.Any(tag => filter.Matches(tag) && strategy switch
        {
            ImageSelectionStrategy.SemVer => SemVersion.TryParseKargo(tag, image.StrictSemvers ?? true, out var version) && (constraint is null || constraint.IsSatisfiedBy(version)),
            ImageSelectionStrategy.Digest => tag == image.Constraint,
            _ => true,
        });
    }

    private static bool ChartAccepts(ChartSubscription chart, IReadOnlyList<string> versions)
    {
        if (versions.Count == 0)
        {
            return true;
        }
        SemVerConstraints? constraint = null;
        if (!string.IsNullOrEmpty(chart.SemverConstraint) && !SemVerConstraints.TryParse(chart.SemverConstraint, out constraint, out _))
        {
            return false;
        }
        return versions.Any(v => SemVersion.TryParseKargo(v, false, out var version) && (constraint is null || constraint.IsSatisfiedBy(version)));
    }
}
