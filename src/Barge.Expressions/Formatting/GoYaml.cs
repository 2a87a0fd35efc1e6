using System.Collections;
using System.Globalization;
using System.Text;
using Barge.Expressions.Evaluation;

namespace Barge.Expressions.Formatting;

/// <summary>
/// YAML as Go's yaml.v3 <c>Marshal</c> writes it for plain data: four-space indentation, sorted map
/// keys, plain scalars unless a string would read back as something else (then double-quoted),
/// literal blocks for multi-line strings.
/// </summary>
internal static class GoYaml
{
    public static string Serialize(object? value)
    {
        var b = new StringBuilder();
        value = Values.Normalize(value);
        if (IsCollection(value) && !IsEmptyCollection(value))
        {
            WriteBlock(b, value, 0);
        }
        else
        {
            b.Append(Scalar(value, 0)).Append('\n');
        }
        return b.ToString();
    }

    private static bool IsCollection(object? value) => value is IList || Values.IsMap(value);

    private static bool IsEmptyCollection(object? value) =>
        (value is IList list && !Values.IsMap(value) && list.Count == 0) || (Values.IsMap(value) && Values.MapCount(value!) == 0);

    private static void WriteBlock(StringBuilder b, object? value, int indent)
    {
        if (indent > 4 * 10_000)
        {
            throw new EvalError("yaml: value is nested too deeply");
        }
        if (Values.IsMap(value))
        {
            var entries = Values.MapEntries(value!)
                .Select(p => (Key: p.Key is string s ? s : GoValueFormat.Format(p.Key), p.Value))
                .OrderBy(p => p.Key, StringComparer.Ordinal);
            foreach (var (key, item) in entries)
            {
                b.Append(' ', indent).Append(Scalar(key, indent)).Append(':');
                WriteChild(b, Values.Normalize(item), indent);
            }
            return;
        }
        foreach (var raw in (IList)value!)
        {
            var item = Values.Normalize(raw);
            b.Append(' ', indent).Append('-');
            if (IsCollection(item) && !IsEmptyCollection(item))
            {
                // yaml.v3 puts the first entry of a nested collection on the dash line.
                var nested = new StringBuilder();
                WriteBlock(nested, item, indent + 4);
                b.Append(' ').Append(nested.ToString(indent + 4, nested.Length - indent - 4));
            }
            else
            {
                b.Append(' ').Append(Scalar(item, indent + 4)).Append('\n');
            }
        }
    }

    private static void WriteChild(StringBuilder b, object? item, int indent)
    {
        if (IsCollection(item) && !IsEmptyCollection(item))
        {
            b.Append('\n');
            WriteBlock(b, item, indent + 4);
        }
        else
        {
            b.Append(' ').Append(Scalar(item, indent + 4)).Append('\n');
        }
    }

    private static string Scalar(object? value, int indent) => value switch
    {
        null => "null",
        bool x => x ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => double.IsNaN(d) ? ".nan" : double.IsPositiveInfinity(d) ? ".inf" : double.IsNegativeInfinity(d) ? "-.inf" : GoFloat.FormatG(d),
        string s => String(s, indent),
        IList => "[]",
        _ when Values.IsMap(value) => "{}",
        DateTimeOffset t => GoTime.FormatRfc3339Nano(t),
        TimeSpan span => (span.Ticks * 100).ToString(CultureInfo.InvariantCulture),
        _ => String(GoValueFormat.Format(value), indent),
    };

    private static string String(string s, int indent)
    {
        if (s.Contains('\n', StringComparison.Ordinal) && !s.Contains('\r', StringComparison.Ordinal) && s.Trim('\n').Length > 0
            && !s.Any(c => char.IsControl(c) && c != '\n'))
        {
            var chomp = s.EndsWith("\n\n", StringComparison.Ordinal) ? "+" : s.EndsWith('\n') ? string.Empty : "-";
            var body = s.EndsWith('\n') ? s[..^1] : s;
            var b = new StringBuilder("|").Append(chomp);
            if (s.StartsWith(' '))
            {
                b.Insert(1, '4');
            }
            foreach (var line in body.Split('\n'))
            {
                b.Append('\n');
                if (line.Length > 0)
                {
                    b.Append(' ', indent).Append(line);
                }
            }
            return b.ToString();
        }
        return NeedsQuotes(s) ? Quote(s) : s;
    }

    private static bool NeedsQuotes(string s)
    {
        if (s.Length == 0 || s.Trim() != s)
        {
            return true;
        }
        var lower = s.ToLowerInvariant();
        if (lower is "null" or "~" or "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n" or ".inf" or "-.inf" or "+.inf" or ".nan")
        {
            return true;
        }
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            || s.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if ("?:,[]{}#&*!|>'\"%@`".Contains(s[0], StringComparison.Ordinal))
        {
            return true;
        }
        if (s == "-" || s.StartsWith("- ", StringComparison.Ordinal) || s.StartsWith("---", StringComparison.Ordinal))
        {
            return true;
        }
        return s.Contains(": ", StringComparison.Ordinal) || s.Contains(" #", StringComparison.Ordinal) || s.EndsWith(':')
            || s.Any(char.IsControl);
    }

    private static string Quote(string s)
    {
        var b = new StringBuilder("\"");
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\t': b.Append("\\t"); break;
                case '\r': b.Append("\\r"); break;
                default:
                    if (char.IsControl(c))
                    {
                        b.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(c);
                    }
                    break;
            }
        }
        return b.Append('"').ToString();
    }
}
