using System.Globalization;
using System.Text;

namespace Barge.Engine.Promotion.Formats;

/// <summary>
/// Every node of a TOML document by key path (<c>package.version</c>, <c>services.1.port</c>,
/// <c>values.0</c>), with the character range of each scalar's literal, so a value can be replaced
/// without touching comments, spacing or line ends.
/// </summary>
internal sealed class TomlIndex
{
    private readonly Dictionary<string, TomlNode> nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> arrayTableCounts = new(StringComparer.Ordinal);
    private readonly string text;
    private int pos;

    private TomlIndex(string text) => this.text = text;

    /// <summary>A node: its kind (<c>String</c>, <c>Table</c>, <c>ArrayTable</c>, <c>Array</c>, <c>InlineTable</c>, …) and literal range.</summary>
    internal readonly record struct TomlNode(string Kind, int Start, int End)
    {
        public bool IsScalar => Kind is "String" or "Bool" or "Integer" or "Float" or "DateTime";
    }

    public bool TryGet(IReadOnlyList<string> parts, out TomlNode node) => nodes.TryGetValue(Key(parts), out node);

    public static TomlIndex? TryParse(string text, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var index = new TomlIndex(text);
        try
        {
            index.ParseDocument();
            error = "";
            return index;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private static string Key(IEnumerable<string> parts) => string.Join('\u0000', parts);

    private void ParseDocument()
    {
        var current = new List<string>();
        while (true)
        {
            SkipBlankLinesAndComments();
            if (pos >= text.Length)
            {
                return;
            }
            if (text[pos] == '[')
            {
                var array = pos + 1 < text.Length && text[pos + 1] == '[';
                pos += array ? 2 : 1;
                var header = ResolveHeader(ParseKey());
                Expect(array ? "]]" : "]");
                if (array)
                {
                    var key = Key(header);
                    nodes[key] = new TomlNode("ArrayTable", 0, 0);
                    arrayTableCounts.TryGetValue(key, out var count);
                    arrayTableCounts[key] = count + 1;
                    header.Add(count.ToString(CultureInfo.InvariantCulture));
                }
                nodes[Key(header)] = new TomlNode("Table", 0, 0);
                current = header;
                EndOfLine();
                continue;
            }
            ParseKeyValue(current);
            EndOfLine();
        }
    }

    /// <summary>Inserts the current index of every array table on the header's way (<c>[[a.b]]</c> under <c>[[a]]</c>).</summary>
    private List<string> ResolveHeader(List<string> parts)
    {
        var resolved = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            resolved.Add(parts[i]);
            if (i < parts.Count - 1 && arrayTableCounts.TryGetValue(Key(resolved), out var count))
            {
                resolved.Add((count - 1).ToString(CultureInfo.InvariantCulture));
            }
        }
        return resolved;
    }

    private void ParseKeyValue(List<string> table)
    {
        var key = ParseKey();
        var path = new List<string>(table);
        for (var i = 0; i < key.Count; i++)
        {
            path.Add(key[i]);
            if (i < key.Count - 1 && !nodes.ContainsKey(Key(path)))
            {
                nodes[Key(path)] = new TomlNode("Table", 0, 0);
            }
        }
        SkipSpaces();
        Expect("=");
        SkipSpaces();
        ParseValue(path);
    }

    private List<string> ParseKey()
    {
        var parts = new List<string>();
        while (true)
        {
            SkipSpaces();
            if (pos >= text.Length)
            {
                throw Error("expected a key");
            }
            var c = text[pos];
            if (c == '"')
            {
                parts.Add(ParseBasicString());
            }
            else if (c == '\'')
            {
                parts.Add(ParseLiteralString());
            }
            else
            {
                var start = pos;
                while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] is '-' or '_'))
                {
                    pos++;
                }
                if (pos == start)
                {
                    throw Error($"unexpected character '{c}' in a key");
                }
                parts.Add(text[start..pos]);
            }
            SkipSpaces();
            if (pos < text.Length && text[pos] == '.')
            {
                pos++;
                continue;
            }
            return parts;
        }
    }

    private void ParseValue(List<string> path)
    {
        if (pos >= text.Length)
        {
            throw Error("expected a value");
        }
        var start = pos;
        var key = Key(path);
        switch (text[pos])
        {
            case '"':
                ParseBasicString();
                nodes[key] = new TomlNode("String", start, pos);
                return;
            case '\'':
                ParseLiteralString();
                nodes[key] = new TomlNode("String", start, pos);
                return;
            case '[':
            {
                pos++;
                var i = 0;
                while (true)
                {
                    SkipBlankLinesAndComments();
                    if (pos < text.Length && text[pos] == ']')
                    {
                        pos++;
                        break;
                    }
                    ParseValue([.. path, (i++).ToString(CultureInfo.InvariantCulture)]);
                    SkipBlankLinesAndComments();
                    if (pos < text.Length && text[pos] == ',')
                    {
                        pos++;
                        continue;
                    }
                    Expect("]");
                    break;
                }
                nodes[key] = new TomlNode("Array", start, pos);
                return;
            }
            case '{':
            {
                pos++;
                SkipSpaces();
                if (pos < text.Length && text[pos] == '}')
                {
                    pos++;
                }
                else
                {
                    while (true)
                    {
                        ParseKeyValue(path);
                        SkipSpaces();
                        if (pos < text.Length && text[pos] == ',')
                        {
                            pos++;
                            continue;
                        }
                        Expect("}");
                        break;
                    }
                }
                nodes[key] = new TomlNode("InlineTable", start, pos);
                return;
            }
            default:
                nodes[key] = new TomlNode(ParseBareScalar(), start, pos);
                return;
        }
    }

    private string ParseBareScalar()
    {
        var start = pos;
        while (pos < text.Length && !char.IsWhiteSpace(text[pos]) && text[pos] is not (',' or ']' or '}' or '#'))
        {
            pos++;
        }
        var token = text[start..pos];
        // A date followed by a space and a time is one local or offset date-time.
        if (token.Length == 10 && token[4] == '-' && pos + 1 < text.Length && text[pos] == ' ' && char.IsAsciiDigit(text[pos + 1]))
        {
            pos++;
            while (pos < text.Length && !char.IsWhiteSpace(text[pos]) && text[pos] is not (',' or ']' or '}' or '#'))
            {
                pos++;
            }
            return "DateTime";
        }
        if (token is "true" or "false")
        {
            return "Bool";
        }
        if (token.Length == 0)
        {
            throw Error("expected a value");
        }
        if (token.Contains(':', StringComparison.Ordinal) || (token.Length >= 10 && token[4] == '-' && token[7] == '-'))
        {
            return "DateTime";
        }
        var number = token.Replace("_", "", StringComparison.Ordinal);
        if (long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            || number.StartsWith("0x", StringComparison.Ordinal) || number.StartsWith("0o", StringComparison.Ordinal) || number.StartsWith("0b", StringComparison.Ordinal))
        {
            return "Integer";
        }
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || number.TrimStart('+', '-') is "inf" or "nan")
        {
            return "Float";
        }
        throw Error($"invalid value '{token}'");
    }

    private string ParseBasicString()
    {
        var multi = text.AsSpan(pos).StartsWith("\"\"\"");
        pos += multi ? 3 : 1;
        var sb = new StringBuilder();
        while (pos < text.Length)
        {
            var c = text[pos];
            if (multi ? text.AsSpan(pos).StartsWith("\"\"\"") : c == '"')
            {
                pos += multi ? 3 : 1;
                while (multi && pos < text.Length && text[pos] == '"')
                {
                    sb.Append('"');
                    pos++;
                }
                return sb.ToString();
            }
            if (!multi && c == '\n')
            {
                break;
            }
            if (c == '\\' && pos + 1 < text.Length)
            {
                sb.Append(text[pos + 1] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', var other => other });
                pos += 2;
                continue;
            }
            sb.Append(c);
            pos++;
        }
        throw Error("unterminated string");
    }

    private string ParseLiteralString()
    {
        var multi = text.AsSpan(pos).StartsWith("'''");
        pos += multi ? 3 : 1;
        var end = text.IndexOf(multi ? "'''" : "'", pos, StringComparison.Ordinal);
        var newline = text.IndexOf('\n', pos);
        if (end < 0 || (!multi && newline >= 0 && newline < end))
        {
            throw Error("unterminated string");
        }
        var value = text[pos..end];
        pos = end + (multi ? 3 : 1);
        return value;
    }

    private void SkipSpaces()
    {
        while (pos < text.Length && text[pos] is ' ' or '\t')
        {
            pos++;
        }
    }

    private void SkipBlankLinesAndComments()
    {
        while (pos < text.Length)
        {
            if (char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }
            else if (text[pos] == '#')
            {
                while (pos < text.Length && text[pos] != '\n')
                {
                    pos++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private void EndOfLine()
    {
        SkipSpaces();
        if (pos < text.Length && text[pos] == '#')
        {
            while (pos < text.Length && text[pos] != '\n')
            {
                pos++;
            }
        }
        if (pos < text.Length && text[pos] == '\r')
        {
            pos++;
        }
        if (pos < text.Length && text[pos] != '\n')
        {
            throw Error($"expected the end of the line, found '{text[pos]}'");
        }
    }

    private void Expect(string token)
    {
        if (!text.AsSpan(pos).StartsWith(token))
        {
            throw Error($"expected '{token}'");
        }
        pos += token.Length;
    }

    private FormatException Error(string message)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < pos && i < text.Length; i++)
        {
            (line, column) = text[i] == '\n' ? (line + 1, 1) : (line, column + 1);
        }
        return new FormatException($"toml: line {line}, column {column}: {message}");
    }
}
