using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Barge.Resources.Versioning;

/// <summary>
/// A version constraint with Masterminds/semver v3 semantics (Kargo's <c>semverConstraint</c> and
/// image <c>constraint</c>): groups separated by <c>||</c>, each an AND of terms separated by
/// whitespace or commas; operators <c>= != &gt; &lt; &gt;= =&gt; &lt;= =&lt; ~ ~&gt; ^</c>;
/// <c>x</c>/<c>X</c>/<c>*</c> wildcards and missing parts; hyphen ranges <c>A - B</c>. A prerelease
/// version only satisfies a group in which some term carries a prerelease.
/// </summary>
public sealed class SemVerConstraints
{
    /// <summary>Longest constraint accepted, in UTF-8 bytes (the cap of Masterminds v3.5).</summary>
    public const int MaxLength = 512;

    /// <summary>Most <c>||</c> groups accepted (the cap of Masterminds v3.5).</summary>
    public const int MaxGroups = 32;

    private readonly SemVerTerm[][] groups;
    private readonly bool[] groupHasPrerelease;

    private SemVerConstraints(string text, SemVerTerm[][] groups)
    {
        Text = text;
        this.groups = groups;
        groupHasPrerelease = [.. groups.Select(group => group.Any(term => term.Base.IsPrerelease))];
    }

    /// <summary>The constraint as written.</summary>
    public string Text { get; }

    /// <summary>
    /// Parses a constraint. An empty string is an error here (a group needs a term); Kargo treats an
    /// empty field as "no constraint" before it ever gets here.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SemVerConstraints? constraints, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        constraints = null;
        if (Encoding.UTF8.GetByteCount(text) > MaxLength)
        {
            error = $"constraint string is too long (max {MaxLength} bytes)";
            return false;
        }
        var orGroups = RewriteRanges(text).Split("||");
        if (orGroups.Length > MaxGroups)
        {
            error = $"too many constraint groups (max {MaxGroups})";
            return false;
        }
        var parsed = new SemVerTerm[orGroups.Length][];
        for (var i = 0; i < orGroups.Length; i++)
        {
            var group = orGroups[i];
            if (!SemVerPatterns.ValidGroup.IsMatch(group))
            {
                error = "improper constraint: " + GoQuote(group);
                return false;
            }
            var found = SemVerPatterns.FindTerm().Matches(group);
            var terms = new SemVerTerm[found.Count];
            for (var j = 0; j < found.Count; j++)
            {
                if (!TryParseTerm(found[j].Value, out var term, out error))
                {
                    return false;
                }
                terms[j] = term;
            }
            parsed[i] = terms;
        }
        error = null;
        constraints = new SemVerConstraints(text, parsed);
        return true;
    }

    /// <summary>True when any group is satisfied, a group being satisfied when all its terms are.</summary>
    public bool IsSatisfiedBy(SemVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        for (var i = 0; i < groups.Length; i++)
        {
            var includePrerelease = groupHasPrerelease[i];
            if (groups[i].All(term => term.IsSatisfiedBy(version, includePrerelease)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Each term as operator plus version as written, terms joined by a space, groups by <c> || </c>.</summary>
    public override string ToString() =>
        string.Join(" || ", groups.Select(group => string.Join(' ', group.Select(term => term.ToString()))));

    private static bool TryParseTerm(string text, [NotNullWhen(true)] out SemVerTerm? term, [NotNullWhen(false)] out string? error)
    {
        term = null;
        var match = SemVerPatterns.Term().Match(text);
        if (!match.Success)
        {
            error = "improper constraint: " + GoQuote(text);
            return false;
        }
        var versionText = match.Groups["version"].Value;
        var major = match.Groups["major"].Value;
        var minor = match.Groups["minor"].Value.TrimStart('.');
        var patch = match.Groups["patch"].Value.TrimStart('.');
        var prerelease = match.Groups["pre"].Value;

        // A wildcard or missing part turns the term into a range; the base keeps the prerelease
        // (1.2.x-0 has base 1.2.0-0) but drops metadata.
        var (baseText, dirty, minorDirty, patchDirty) = (major, minor, patch) switch
        {
            _ when IsWildcard(major) => ("0.0.0" + prerelease, true, false, false),
            _ when minor.Length == 0 || IsWildcard(minor) => (major + ".0.0" + prerelease, true, true, false),
            _ when patch.Length == 0 || IsWildcard(patch) => (major + "." + minor + ".0" + prerelease, true, false, true),
            _ => (versionText, false, false, false),
        };
        if (!SemVersion.TryParse(baseText, out var baseVersion, out var versionError))
        {
            error = $"constraint parser error: {GoQuote(versionText)} is not a valid version ({versionError})";
            return false;
        }
        error = null;
        term = new SemVerTerm(match.Groups["op"].Value, versionText, baseVersion, dirty, minorDirty, patchDirty);
        return true;
    }

    private static bool IsWildcard(string part) => part is "x" or "X" or "*";

    // "A - B" becomes ">= A, <= B " wherever it occurs; each occurrence of the matched text is
    // replaced once, first occurrence first, as upstream does.
    private static string RewriteRanges(string text)
    {
        var rewritten = text;
        foreach (var range in SemVerPatterns.Range().Matches(text).Cast<System.Text.RegularExpressions.Match>())
        {
            var replacement = $">= {range.Groups["from"].Value}, <= {range.Groups["to"].Value} ";
            var at = rewritten.IndexOf(range.Value, StringComparison.Ordinal);
            if (at >= 0)
            {
                rewritten = string.Concat(rewritten.AsSpan(0, at), replacement, rewritten.AsSpan(at + range.Value.Length));
            }
        }
        return rewritten;
    }

    // Go's %q, for messages that show the offending text exactly (whitespace included).
    internal static string GoQuote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\t': quoted.Append("\\t"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\f': quoted.Append("\\f"); break;
                case < ' ' or '\x7f': quoted.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"); break;
                default: quoted.Append(c); break;
            }
        }
        return quoted.Append('"').ToString();
    }
}
