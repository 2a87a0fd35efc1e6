using System.Text.RegularExpressions;
using Barge.Engine.Globbing;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// gitignore rules as <c>copy</c> applies them (go-git's semantics): a rule without <c>/</c> matches
/// an entry name at any depth, a rule with <c>/</c> is matched component by component from the
/// domain (<c>**</c> = zero or more directories), a trailing <c>/</c> restricts a rule to
/// directories, <c>!</c> re-includes, and the last matching rule decides.
/// </summary>
internal sealed class IgnoreRules
{
    private sealed record Rule(IReadOnlyList<Regex?> Components, bool Anchored, bool Negate, bool DirectoryOnly);

    private readonly List<Rule> rules = [];

    /// <summary>Builds the rules: the built-in <c>.git</c> rule, then each non-blank, non-comment line of <paramref name="ignore"/>.</summary>
    public IgnoreRules(string? ignore)
    {
        Add(".git");
        foreach (var line in (ignore ?? "").Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.Trim().Length == 0 || text.StartsWith('#'))
            {
                continue;
            }
            Add(text);
        }
    }

    /// <summary>True when the entry at <paramref name="components"/> (relative to the domain) is excluded.</summary>
    public bool IsIgnored(IReadOnlyList<string> components, bool isDirectory)
    {
        for (var i = rules.Count - 1; i >= 0; i--)
        {
            if (Matches(rules[i], components, isDirectory))
            {
                return !rules[i].Negate;
            }
        }
        return false;
    }

    private void Add(string pattern)
    {
        // Trailing spaces are dropped unless escaped with a backslash.
        var end = pattern.Length;
        while (end > 0 && pattern[end - 1] == ' ' && !(end > 1 && pattern[end - 2] == '\\'))
        {
            end--;
        }
        pattern = pattern[..end];
        var negate = pattern.StartsWith('!');
        if (negate)
        {
            pattern = pattern[1..];
        }
        var directoryOnly = pattern.EndsWith('/');
        if (directoryOnly)
        {
            pattern = pattern.TrimEnd('/');
        }
        if (pattern.Length == 0)
        {
            return;
        }
        var anchored = pattern.Contains('/', StringComparison.Ordinal);
        var components = new List<Regex?>();
        foreach (var part in pattern.TrimStart('/').Split('/'))
        {
            if (part == "**")
            {
                components.Add(null);
                continue;
            }
            // "**" inside a component is not supported by go-git: such a rule never matches.
            var regex = part.Contains("**", StringComparison.Ordinal) ? null : DoublestarGlob.ToRegex(part);
            if (regex is null)
            {
                return;
            }
            components.Add(new Regex(regex, RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1)));
        }
        rules.Add(new Rule(components, anchored, negate, directoryOnly));
    }

    private static bool Matches(Rule rule, IReadOnlyList<string> path, bool isDirectory)
    {
        if (!rule.Anchored)
        {
            for (var i = 0; i < path.Count; i++)
            {
                if (rule.Components[0]!.IsMatch(path[i]) && !(rule.DirectoryOnly && !isDirectory && i == path.Count - 1))
                {
                    return true;
                }
            }
            return false;
        }
        return MatchFrom(rule, path, 0, 0, isDirectory);
    }

    private static bool MatchFrom(Rule rule, IReadOnlyList<string> path, int p, int c, bool isDirectory)
    {
        if (c == rule.Components.Count)
        {
            // The pattern matched a prefix: the entry itself or one of its ancestors.
            return p > 0 && !(rule.DirectoryOnly && !isDirectory && p == path.Count);
        }
        if (rule.Components[c] is null)
        {
            for (var skip = p; skip <= path.Count; skip++)
            {
                if (MatchFrom(rule, path, skip, c + 1, isDirectory))
                {
                    return true;
                }
            }
            return false;
        }
        return p < path.Count && rule.Components[c]!.IsMatch(path[p]) && MatchFrom(rule, path, p + 1, c + 1, isDirectory);
    }
}
