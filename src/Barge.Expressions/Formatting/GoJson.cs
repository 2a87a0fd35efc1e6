using System.Collections;
using System.Globalization;
using System.Text;
using Barge.Expressions.Evaluation;

namespace Barge.Expressions.Formatting;

/// <summary>
/// Go's <c>encoding/json</c> over run-time values: sorted map keys, HTML-safe escaping, Go's float
/// layout, times as RFC 3339, durations as nanoseconds; maps with non-string keys and NaN/Inf fail.
/// </summary>
internal static class GoJson
{
    public static string Serialize(object? value, bool indent)
    {
        var builder = new StringBuilder();
        Write(builder, value, indent, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder b, object? value, bool indent, int depth)
    {
        if (depth > 10_000)
        {
            throw new EvalError("json: value is nested too deeply");
        }
        value = Values.Normalize(value);
        switch (value)
        {
            case null:
                b.Append("null");
                return;
            case bool x:
                b.Append(x ? "true" : "false");
                return;
            case long l:
                b.Append(l.ToString(CultureInfo.InvariantCulture));
                return;
            case double d:
                if (double.IsNaN(d) || double.IsInfinity(d))
                {
                    throw new EvalError("json: unsupported value: " + GoFloat.FormatG(d));
                }
                b.Append(GoFloat.FormatJson(d));
                return;
            case string s:
                WriteString(b, s);
                return;
            case DateTimeOffset t:
                WriteString(b, GoTime.FormatRfc3339Nano(t));
                return;
            case TimeSpan span:
                b.Append((span.Ticks * 100).ToString(CultureInfo.InvariantCulture));
                return;
            case AnyKeyMap:
                throw new EvalError("json: unsupported type: map[interface {}]interface {}");
            case IList list when value is not IDictionary:
                if (list.Count == 0)
                {
                    b.Append("[]");
                    return;
                }
                b.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        b.Append(',');
                    }
                    NewLine(b, indent, depth + 1);
                    Write(b, list[i], indent, depth + 1);
                }
                NewLine(b, indent, depth);
                b.Append(']');
                return;
            default:
                if (Values.IsMap(value))
                {
                    WriteObject(b, Values.MapEntries(value).Select(p => (Key: p.Key as string ?? Values.TypeName(p.Key), p.Value)), indent, depth);
                    return;
                }
                WriteObject(b, HostProperties.Names(value).Select(n => (Key: n, Value: Access.Fetch(value, n))), indent, depth, sort: false);
                return;
        }
    }

    private static void WriteObject(StringBuilder b, IEnumerable<(string Key, object? Value)> entries, bool indent, int depth, bool sort = true)
    {
        var list = sort ? entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToList() : entries.ToList();
        if (list.Count == 0)
        {
            b.Append("{}");
            return;
        }
        b.Append('{');
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0)
            {
                b.Append(',');
            }
            NewLine(b, indent, depth + 1);
            WriteString(b, list[i].Key);
            b.Append(indent ? ": " : ":");
            Write(b, list[i].Value, indent, depth + 1);
        }
        NewLine(b, indent, depth);
        b.Append('}');
    }

    private static void NewLine(StringBuilder b, bool indent, int depth)
    {
        if (indent)
        {
            b.Append('\n').Append(' ', depth * 2);
        }
    }

    public static void WriteString(StringBuilder b, string s)
    {
        b.Append('"');
        foreach (var rune in s.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                case '<' or '>' or '&' or 0x2028 or 0x2029:
                    b.Append("\\u").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (rune.Value < 0x20)
                    {
                        b.Append("\\u").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(rune.ToString());
                    }
                    break;
            }
        }
        b.Append('"');
    }
}
