using System.Text;

namespace Barge.Engine.Promotion.Formats;

/// <summary>
/// Sets a value in JSON text by path with tidwall/sjson's semantics, as Kargo's <c>json-update</c> does:
/// an existing value's bytes are replaced in place; a missing object member is appended as
/// <c>,"key":value</c> just before the closing brace; a missing array index pads with <c>null</c>
/// (rewriting that array compactly); <c>-1</c> appends; missing parents are created (a numeric part
/// makes an array, <c>:</c> forces an object key). Everything else in the text is kept.
/// </summary>
internal static class JsonTextSetter
{
    private readonly record struct PathPart(string Part, bool Force);

    /// <summary>Returns the new text, or null with <paramref name="error"/> set.</summary>
    public static string? Set(string json, string path, string rawValue, out string error)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(path);
        error = "";
        if (path.Length == 0)
        {
            error = "path cannot be empty";
            return null;
        }
        var parts = ParsePath(path);
        var sb = new StringBuilder(json.Length + rawValue.Length + 16);
        if (!AppendRawPaths(sb, json, parts, 0, rawValue, out error))
        {
            return null;
        }
        return sb.ToString();
    }

    private static List<PathPart> ParsePath(string path)
    {
        var parts = new List<PathPart>();
        var i = 0;
        while (true)
        {
            var force = false;
            if (i < path.Length && path[i] == ':')
            {
                force = true;
                i++;
            }
            var part = new StringBuilder();
            var more = false;
            for (; i < path.Length; i++)
            {
                if (path[i] == '\\' && i + 1 < path.Length)
                {
                    part.Append(path[++i]);
                    continue;
                }
                if (path[i] == '.')
                {
                    more = true;
                    i++;
                    break;
                }
                part.Append(path[i]);
            }
            parts.Add(new PathPart(part.ToString(), force));
            if (!more)
            {
                return parts;
            }
        }
    }

    private static bool AppendRawPaths(StringBuilder buf, string json, List<PathPart> paths, int at, string raw, out string error)
    {
        error = "";
        var part = paths[at];
        if (Find(json, part) is { } found)
        {
            buf.Append(json, 0, found.Start);
            if (at + 1 < paths.Count)
            {
                if (!AppendRawPaths(buf, json.Substring(found.Start, found.Length), paths, at + 1, raw, out error))
                {
                    return false;
                }
            }
            else
            {
                buf.Append(raw);
            }
            buf.Append(json, found.Start + found.Length, json.Length - found.Start - found.Length);
            return true;
        }
        var numeric = TryIndex(part, out var n);
        var trimmed = json.Trim();
        if (trimmed.Length == 0 || trimmed[0] is not ('{' or '['))
        {
            json = numeric ? "[]" : "{}";
        }
        else
        {
            // As sjson: the container's text runs from its first character to the end of the input.
            json = json.TrimStart();
        }
        var comma = false;
        for (var i = 1; i < json.Length; i++)
        {
            if (json[i] <= ' ')
            {
                continue;
            }
            comma = json[i] is not ('}' or ']');
            break;
        }
        if (json[0] == '{')
        {
            var end = json.LastIndexOf('}');
            buf.Append(json, 0, end);
            if (comma)
            {
                buf.Append(',');
            }
            AppendBuild(buf, false, paths, at, raw);
            buf.Append('}');
            return true;
        }
        if (!numeric)
        {
            if (part.Part != "-1" || part.Force)
            {
                error = $"cannot set array element for non-numeric key '{part.Part}'";
                return false;
            }
            var open = json.Trim();
            buf.Append(open, 0, open[^1] == ']' ? open.Length - 1 : open.Length);
            if (comma)
            {
                buf.Append(',');
            }
            AppendBuild(buf, true, paths, at, raw);
            buf.Append(']');
            return true;
        }
        var elements = Elements(json);
        buf.Append('[').AppendJoin(',', elements);
        if (elements.Count == 0)
        {
            buf.Insert(buf.Length, "null,", Math.Max(0, n));
        }
        else
        {
            buf.Insert(buf.Length, ",null", Math.Max(0, n - elements.Count));
            if (comma)
            {
                buf.Append(',');
            }
        }
        AppendBuild(buf, true, paths, at, raw);
        buf.Append(']');
        return true;
    }

    private static void AppendBuild(StringBuilder buf, bool array, List<PathPart> paths, int at, string raw)
    {
        if (!array)
        {
            buf.Append(GoFormat.JsonString(paths[at].Part)).Append(':');
        }
        if (at + 1 < paths.Count)
        {
            var next = paths[at + 1];
            if (TryIndex(next, out var n) || (!next.Force && next.Part == "-1"))
            {
                buf.Append('[').Insert(buf.Length, "null,", Math.Max(0, n));
                AppendBuild(buf, true, paths, at + 1, raw);
                buf.Append(']');
            }
            else
            {
                buf.Append('{');
                AppendBuild(buf, false, paths, at + 1, raw);
                buf.Append('}');
            }
        }
        else
        {
            buf.Append(raw);
        }
    }

    private static bool TryIndex(PathPart part, out int n)
    {
        n = 0;
        if (part.Force || part.Part.Length == 0)
        {
            return false;
        }
        foreach (var c in part.Part)
        {
            if (c is < '0' or > '9')
            {
                n = 0;
                return false;
            }
            n = (n * 10) + (c - '0');
        }
        return true;
    }

    /// <summary>The start and length of the member or element <paramref name="part"/> addresses in a container's text.</summary>
    private static (int Start, int Length)? Find(string json, PathPart part)
    {
        var i = SkipBlank(json, 0);
        if (i >= json.Length)
        {
            return null;
        }
        if (json[i] == '{')
        {
            i = SkipBlank(json, i + 1);
            while (i < json.Length && json[i] == '"')
            {
                var keyEnd = ValueEnd(json, i);
                var key = System.Text.Json.JsonSerializer.Deserialize<string>(json.AsSpan(i, keyEnd - i));
                i = SkipBlank(json, keyEnd);
                if (i >= json.Length || json[i] != ':')
                {
                    return null;
                }
                var start = SkipBlank(json, i + 1);
                var end = ValueEnd(json, start);
                if (key == part.Part)
                {
                    return (start, end - start);
                }
                i = SkipBlank(json, end);
                if (i < json.Length && json[i] == ',')
                {
                    i = SkipBlank(json, i + 1);
                }
            }
            return null;
        }
        if (json[i] == '[' && !part.Force && int.TryParse(part.Part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            var count = 0;
            i = SkipBlank(json, i + 1);
            while (i < json.Length && json[i] != ']')
            {
                var end = ValueEnd(json, i);
                if (count++ == index)
                {
                    return (i, end - i);
                }
                i = SkipBlank(json, end);
                if (i < json.Length && json[i] == ',')
                {
                    i = SkipBlank(json, i + 1);
                }
            }
        }
        return null;
    }

    private static List<string> Elements(string json)
    {
        var list = new List<string>();
        var i = SkipBlank(json, SkipBlank(json, 0) + 1);
        while (i < json.Length && json[i] != ']')
        {
            var end = ValueEnd(json, i);
            list.Add(json[i..end]);
            i = SkipBlank(json, end);
            if (i < json.Length && json[i] == ',')
            {
                i = SkipBlank(json, i + 1);
            }
        }
        return list;
    }

    private static int SkipBlank(string s, int i)
    {
        while (i < s.Length)
        {
            if (s[i] <= ' ')
            {
                i++;
            }
            else if (s[i] == '/' && i + 1 < s.Length && s[i + 1] == '/')
            {
                while (i < s.Length && s[i] != '\n')
                {
                    i++;
                }
            }
            else if (s[i] == '/' && i + 1 < s.Length && s[i + 1] == '*')
            {
                var close = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? s.Length : close + 2;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    /// <summary>The index just past the JSON value starting at <paramref name="i"/> (tolerant of bad input).</summary>
    private static int ValueEnd(string s, int i)
    {
        if (i >= s.Length)
        {
            return s.Length;
        }
        if (s[i] == '"')
        {
            for (i++; i < s.Length; i++)
            {
                if (s[i] == '\\')
                {
                    i++;
                }
                else if (s[i] == '"')
                {
                    return i + 1;
                }
            }
            return s.Length;
        }
        if (s[i] is '{' or '[')
        {
            var depth = 0;
            for (; i < s.Length; i++)
            {
                switch (s[i])
                {
                    case '"':
                        i = ValueEnd(s, i) - 1;
                        break;
                    case '{' or '[':
                        depth++;
                        break;
                    case '}' or ']':
                        if (--depth == 0)
                        {
                            return i + 1;
                        }
                        break;
                }
            }
            return s.Length;
        }
        while (i < s.Length && s[i] > ' ' && s[i] is not (',' or '}' or ']'))
        {
            i++;
        }
        return i;
    }
}
