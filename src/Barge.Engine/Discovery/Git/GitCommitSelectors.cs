using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Barge.Resources.Versioning;

namespace Barge.Engine.Discovery.Git;

/// <summary>
/// Validates a subscription's selection options and builds the selector of its strategy. Every
/// problem is reported, not only the first; messages follow Kargo's where Kargo has one.
/// </summary>
internal static class GitCommitSelectors
{
    public const int MinDiscoveryLimit = 1;
    public const int MaxDiscoveryLimit = 100;

    public const string AllowTagsDeprecated = "AllowTags is deprecated and unsupported as of v1.11.0; use AllowTagsRegexes instead";
    public const string IgnoreTagsDeprecated = "IgnoreTags is deprecated and unsupported as of v1.11.0; use IgnoreTagsRegexes instead";

    public static bool TryCreate(
        GitSelectionOptions options,
        [NotNullWhen(true)] out IGitCommitSelector? selector,
        out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.DiscoveryLimit is < MinDiscoveryLimit or > MaxDiscoveryLimit)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"discoveryLimit: must be between {MinDiscoveryLimit} and {MaxDiscoveryLimit}, got {options.DiscoveryLimit}"));
        }
        var paths = new PathFilter(
            ParsePaths(options.IncludePaths, "includePaths", "include", problems),
            ParsePaths(options.ExcludePaths, "excludePaths", "exclude", problems));

        var isTagStrategy = options.Strategy != GitCommitSelectionStrategy.NewestFromBranch;
        TagFilter? tags = null;
        SemVerConstraints? constraint = null;
        if (isTagStrategy)
        {
            var allow = CompileRegexes(options.AllowTagsRegexes, "allowTagsRegexes", problems);
            if (options.AllowTags.Length > 0)
            {
                problems.Add(AllowTagsDeprecated);
            }
            var ignore = CompileRegexes(options.IgnoreTagsRegexes, "ignoreTagsRegexes", problems);
            if (options.IgnoreTags.Count > 0)
            {
                problems.Add(IgnoreTagsDeprecated);
            }
            tags = new TagFilter(allow, ignore);
        }
        if (options.Strategy == GitCommitSelectionStrategy.SemVer && options.SemverConstraint.Length > 0
            && !SemVerConstraints.TryParse(options.SemverConstraint, out constraint, out var constraintError))
        {
            problems.Add($"semverConstraint: error parsing semver constraint \"{options.SemverConstraint}\": {constraintError}");
        }

        errors = problems;
        if (problems.Count > 0)
        {
            selector = null;
            return false;
        }
        var limit = options.DiscoveryLimit;
        selector = options.Strategy switch
        {
            GitCommitSelectionStrategy.NewestFromBranch => new NewestFromBranchSelector(options.Branch, options.Since, paths, limit),
            GitCommitSelectionStrategy.NewestTag => new NewestTagSelector(new TagSelection(tags!, paths, limit)),
            GitCommitSelectionStrategy.Lexical => new LexicalTagSelector(new TagSelection(tags!, paths, limit)),
            GitCommitSelectionStrategy.SemVer => new SemVerTagSelector(new TagSelection(tags!, paths, limit), constraint, options.StrictSemvers),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Strategy, "unknown commit selection strategy"),
        };
        return true;
    }

    private static List<Regex> CompileRegexes(IReadOnlyList<string> patterns, string field, List<string> problems)
    {
        var compiled = new List<Regex>(patterns.Count);
        for (var i = 0; i < patterns.Count; i++)
        {
            if (TagPatterns.TryCompile(patterns[i], out var regex, out var error))
            {
                compiled.Add(regex);
            }
            else
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{field}[{i}]: error compiling regular expression \"{patterns[i]}\": {error}"));
            }
        }
        return compiled;
    }

    private static List<PathSelector> ParsePaths(IReadOnlyList<string> selectors, string field, string kind, List<string> problems)
    {
        var parsed = new List<PathSelector>(selectors.Count);
        for (var i = 0; i < selectors.Count; i++)
        {
            if (PathSelector.TryParse(selectors[i], out var selector, out var error))
            {
                parsed.Add(selector);
            }
            else
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{field}[{i}]: error parsing {kind} path selectors: parse error path selector \"{selectors[i]}\": {error}"));
            }
        }
        return parsed;
    }
}
