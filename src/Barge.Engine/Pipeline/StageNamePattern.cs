using System.Text.RegularExpressions;
using Barge.Engine.Globbing;

namespace Barge.Engine.Pipeline;

/// <summary>
/// A promotion policy's <c>stageSelector.name</c>, as Kargo's <c>pattern.ParseNamePattern</c>: an exact
/// name; <c>regex:</c>/<c>regexp:</c> and an RE2 expression that must match somewhere in the name
/// (unanchored, as Go's <c>MatchString</c>); or <c>glob:</c> and a doublestar glob over the whole name.
/// </summary>
internal sealed class StageNamePattern
{
    private readonly string? exact;
    private readonly Regex? regex;

    private StageNamePattern(string? exact, Regex? regex)
    {
        this.exact = exact;
        this.regex = regex;
    }

    /// <summary>Parses a pattern; the error says what is wrong with it.</summary>
    public static bool TryParse(string pattern, out StageNamePattern result, out string? error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        error = null;
        result = new StageNamePattern(pattern, null);
        if (pattern.StartsWith("glob:", StringComparison.Ordinal))
        {
            var glob = pattern["glob:".Length..];
            if (DoublestarGlob.ToRegex(glob) is not { } translated)
            {
                error = $"invalid glob pattern \"{glob}\"";
                return false;
            }
            result = new StageNamePattern(null, new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking));
            return true;
        }
        foreach (var prefix in (string[])["regex:", "regexp:"])
        {
            if (pattern.StartsWith(prefix, StringComparison.Ordinal))
            {
                var expression = pattern[prefix.Length..];
                try
                {
                    // Go's RE2 spells named groups (?P<name>…); .NET spells them (?<name>…). RE2 runs in
                    // linear time, and so does .NET's non-backtracking engine, which accepts RE2's syntax.
                    result = new StageNamePattern(null, new Regex(expression.Replace("(?P<", "(?<", StringComparison.Ordinal),
                        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
                    return true;
                }
                catch (Exception e) when (e is ArgumentException or NotSupportedException)
                {
                    error = $"invalid regular expression \"{expression}\": {e.Message}";
                    return false;
                }
            }
        }
        return true;
    }

    public bool Matches(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return regex is null ? name == exact : regex.IsMatch(name);
    }
}
