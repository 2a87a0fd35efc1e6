using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Barge.Engine.Discovery.Images;

/// <summary>
/// Kargo's tag filter: a tag matching any ignore pattern is dropped; then, when allow patterns
/// exist, one of them must match. Patterns are RE2 syntax, run on .NET's non-backtracking engine
/// (linear time like RE2); Go's <c>(?P&lt;name&gt;</c> groups are accepted.
/// </summary>
internal sealed class TagFilter
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex[] _allow;
    private readonly Regex[] _ignore;

    private TagFilter(Regex[] allow, Regex[] ignore)
    {
        _allow = allow;
        _ignore = ignore;
    }

    public static TagFilter All { get; } = new([], []);

    /// <summary>Compiles the patterns; every invalid one is reported in <paramref name="problems"/> by field and index.</summary>
    public static bool TryCreate(
        IReadOnlyList<string> allowRegexes,
        IReadOnlyList<string> ignoreRegexes,
        List<string> problems,
        [NotNullWhen(true)] out TagFilter? filter)
    {
        ArgumentNullException.ThrowIfNull(allowRegexes);
        ArgumentNullException.ThrowIfNull(ignoreRegexes);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var allow = Compile(allowRegexes, "allowTagsRegexes", problems);
        var ignore = Compile(ignoreRegexes, "ignoreTagsRegexes", problems);
        filter = problems.Count == before ? new TagFilter(allow, ignore) : null;
        return filter is not null;
    }

    public bool Matches(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        foreach (var regex in _ignore)
        {
            if (regex.IsMatch(tag))
            {
                return false;
            }
        }
        if (_allow.Length == 0)
        {
            return true;
        }
        foreach (var regex in _allow)
        {
            if (regex.IsMatch(tag))
            {
                return true;
            }
        }
        return false;
    }

    private static Regex[] Compile(IReadOnlyList<string> patterns, string field, List<string> problems)
    {
        var compiled = new List<Regex>(patterns.Count);
        for (var i = 0; i < patterns.Count; i++)
        {
            try
            {
                var pattern = patterns[i].Replace("(?P<", "(?<", StringComparison.Ordinal);
                compiled.Add(new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                problems.Add($"{field}[{i}]: error compiling regular expression \"{patterns[i]}\": {e.Message}");
            }
        }
        return [.. compiled];
    }
}
