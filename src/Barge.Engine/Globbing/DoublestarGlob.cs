using System.Text;
using System.Text.RegularExpressions;

namespace Barge.Engine.Globbing;

/// <summary>
/// Doublestar globs as regular expressions, the one translation behind promotion-policy
/// <c>glob:</c> Stage names, <c>delete</c>'s <c>pathsAreGlobs</c> and git ignore rules.
/// </summary>
internal static class DoublestarGlob
{
    /// <summary>
    /// The anchored regular expression of a doublestar glob: <c>*</c> and <c>?</c> within a path segment,
    /// <c>**</c> across segments, <c>[…]</c> classes (<c>!</c> or <c>^</c> negates), <c>{a,b}</c>, <c>\</c>
    /// escapes; null when the glob is malformed (as doublestar's <c>ValidatePattern</c>).
    /// </summary>
    public static string? ToRegex(string glob)
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
