using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace Barge.Engine.Discovery.Git;

/// <summary>
/// Glob patterns with the meaning of Go's doublestar v4 (what Kargo's <c>glob:</c> path selectors
/// use), translated to an anchored regular expression: <c>*</c> and <c>?</c> stay within one path
/// segment, <c>**</c> as a whole segment spans any number of segments (including none), elsewhere it
/// is a plain <c>*</c>; <c>[...]</c> classes with <c>^</c>/<c>!</c> negation; <c>{a,b}</c>
/// alternatives; <c>\</c> escapes.
/// </summary>
internal static class DoublestarGlob
{
    public static bool TryCompile(string pattern, [NotNullWhen(true)] out Regex? regex)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        regex = null;
        if (!IsValid(pattern))
        {
            return false;
        }
        var text = new StringBuilder("^");
        var altDepth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    i++;
                    text.Append(Regex.Escape(pattern[i].ToString()));
                    break;
                case '*':
                    i = AppendStars(pattern, i, text);
                    break;
                case '?':
                    text.Append("[^/]");
                    break;
                case '[':
                    i = AppendClass(pattern, i, text);
                    break;
                case '{':
                    altDepth++;
                    text.Append("(?:");
                    break;
                case '}':
                    altDepth--;
                    text.Append(')');
                    break;
                case ',' when altDepth > 0:
                    text.Append('|');
                    break;
                default:
                    text.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        text.Append(@"\z");
        regex = new Regex(text.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        return true;
    }

    // Upstream's ValidatePattern: escapes complete, classes closed and non-empty, braces balanced.
    private static bool IsValid(string pattern)
    {
        var altDepth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    if (++i >= pattern.Length)
                    {
                        return false;
                    }
                    break;
                case '[':
                    if (++i >= pattern.Length)
                    {
                        return false;
                    }
                    if (pattern[i] is '^' or '!')
                    {
                        i++;
                    }
                    if (i >= pattern.Length || pattern[i] == ']')
                    {
                        return false;
                    }
                    var closed = false;
                    for (; i < pattern.Length; i++)
                    {
                        if (pattern[i] == '\\')
                        {
                            i++;
                        }
                        else if (pattern[i] == ']')
                        {
                            closed = true;
                            break;
                        }
                    }
                    if (!closed)
                    {
                        return false;
                    }
                    break;
                case '{':
                    altDepth++;
                    break;
                case '}':
                    if (altDepth == 0)
                    {
                        return false;
                    }
                    altDepth--;
                    break;
            }
        }
        return altDepth == 0;
    }

    private static int AppendStars(string pattern, int i, StringBuilder text)
    {
        var isDouble = i + 1 < pattern.Length && pattern[i + 1] == '*';
        var startsSegment = i == 0 || pattern[i - 1] == '/';
        var end = isDouble ? i + 2 : i + 1;
        var endsSegment = end == pattern.Length || pattern[end] == '/';
        if (!isDouble || !startsSegment || !endsSegment)
        {
            text.Append("[^/]*");
            return isDouble ? i + 1 : i;
        }
        if (end == pattern.Length)
        {
            // "**" alone matches everything; a trailing "/**" also matches the folder itself.
            if (i == 0)
            {
                text.Append(".*");
            }
            else
            {
                text.Length -= 1;
                text.Append("(?:/.*)?");
            }
            return end - 1;
        }
        if (end == pattern.Length - 1 && i > 0)
        {
            // A trailing "/**/" matches the folder with or without its slash, and anything below it.
            text.Length -= 1;
            text.Append("(?:/.*)?");
            return end;
        }
        // "**/" in the middle or at the start: zero or more whole segments.
        text.Append("(?:.*/)?");
        return end;
    }

    // A class never matches the separator: negated classes exclude it explicitly, positive ones
    // subtract it.
    private static int AppendClass(string pattern, int i, StringBuilder text)
    {
        i++;
        var negated = pattern[i] is '^' or '!';
        if (negated)
        {
            i++;
        }
        text.Append(negated ? "[^/" : "[");
        var first = true;
        for (; pattern[i] != ']'; i++, first = false)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
                c = pattern[i];
            }
            else if (c == '-' && !first && pattern[i + 1] != ']')
            {
                text.Append('-');
                continue;
            }
            text.Append(@"\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
        }
        text.Append(negated ? "]" : "-[/]]");
        return i;
    }
}
