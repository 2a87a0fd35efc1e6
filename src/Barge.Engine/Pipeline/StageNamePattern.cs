using System.Text;
using System.Text.RegularExpressions;

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
            if (GlobRegex(glob) is not { } translated)
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

    /// <summary>
    /// The anchored regular expression of a doublestar glob: <c>*</c> and <c>?</c> within a path segment,
    /// <c>**</c> across segments, <c>[…]</c> classes (<c>!</c> or <c>^</c> negates), <c>{a,b}</c>, <c>\</c>
    /// escapes; null when the glob is malformed (as doublestar's <c>ValidatePattern</c>).
    /// </summary>
    internal static string? GlobRegex(string glob)
    {
        var sb = new StringBuilder("^");
        var braces = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '\\':
                    if (++i >= glob.Length)
                    {
                        return null;
                    }
                    sb.Append(Regex.Escape(glob[i].ToString()));
                    break;
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    i++;
                    // "**/" also matches no directory at all.
                    if (i + 1 < glob.Length && glob[i + 1] == '/')
                    {
                        i++;
                        sb.Append("(?:.*/)?");
                    }
                    else
                    {
                        sb.Append(".*");
                    }
                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                {
                    // The character right after '[' is part of the class, never its end.
                    var close = i + 2 <= glob.Length ? glob.IndexOf(']', i + 2) : -1;
                    if (close < 0)
                    {
                        return null;
                    }
                    var body = glob[(i + 1)..close];
                    var negate = body.StartsWith('!') || body.StartsWith('^');
                    if (negate)
                    {
                        body = body[1..];
                    }
                    if (body.Length == 0)
                    {
                        return null;
                    }
                    sb.Append('[').Append(negate ? "^/" : "")
                        .Append(body.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal))
                        .Append(']');
                    i = close;
                    break;
                }
                case '{':
                    braces++;
                    sb.Append("(?:");
                    break;
                case '}' when braces > 0:
                    braces--;
                    sb.Append(')');
                    break;
                case ',' when braces > 0:
                    sb.Append('|');
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return braces == 0 ? sb.Append('$').ToString() : null;
    }
}
