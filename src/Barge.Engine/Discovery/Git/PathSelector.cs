using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Barge.Engine.Discovery.Git;

/// <summary>
/// One entry of <c>includePaths</c>/<c>excludePaths</c>: <c>glob:</c> (doublestar), <c>regex:</c> or
/// <c>regexp:</c> (unanchored, as Go's MatchString), or otherwise a base directory that the path must
/// lie under.
/// </summary>
internal sealed class PathSelector
{
    private const string GlobPrefix = "glob:";
    private const string RegexPrefix = "regex:";
    private const string RegexpPrefix = "regexp:";

    private readonly Regex? regex;
    private readonly string? baseDirectory;

    private PathSelector(string text, Regex? regex, string? baseDirectory)
    {
        Text = text;
        this.regex = regex;
        this.baseDirectory = baseDirectory;
    }

    /// <summary>The selector as written.</summary>
    public string Text { get; }

    public static bool TryParse(string text, [NotNullWhen(true)] out PathSelector? selector, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        selector = null;
        if (text.StartsWith(GlobPrefix, StringComparison.Ordinal))
        {
            if (!DoublestarGlob.TryCompile(text[GlobPrefix.Length..], out var glob))
            {
                error = "syntax error in pattern";
                return false;
            }
            selector = new PathSelector(text, glob, null);
            error = null;
            return true;
        }
        var prefix = text.StartsWith(RegexPrefix, StringComparison.Ordinal) ? RegexPrefix
            : text.StartsWith(RegexpPrefix, StringComparison.Ordinal) ? RegexpPrefix
            : null;
        if (prefix is null)
        {
            selector = new PathSelector(text, null, text);
            error = null;
            return true;
        }
        if (!TagPatterns.TryCompile(text[prefix.Length..], out var compiled, out error))
        {
            return false;
        }
        selector = new PathSelector(text, compiled, null);
        return true;
    }

    public bool Matches(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (regex is not null)
        {
            return regex.IsMatch(path);
        }
        var relative = GoPath.Rel(baseDirectory!, path);
        return relative is not null && !relative.Contains("..", StringComparison.Ordinal);
    }
}
