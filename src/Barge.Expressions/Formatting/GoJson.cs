using System.Collections;
using System.Globalization;
using System.Text;
using Barge.Expressions.Evaluation;

namespace Barge.Expressions.Formatting;

/// <summary>
/// Go's <c>encoding/json</c> over run-time values: sorted map keys, HTML-safe escaping, Go's float
/// layout, times as RFC 3339, durations as nanoseconds; maps with non-string keys and NaN/Inf fail.
/// With <c>floatsWithPoint</c> (the conformance corpus's convention, <see cref="ExprJson"/>) a float always
/// shows a point or exponent (<c>2.0</c>) and an any-key map is written when all its keys are strings.
/// </summary>
internal static class GoJson
{
    public static string Serialize(object? value, bool indent, bool floatsWithPoint = false)
    {
        var builder = new StringBuilder();
        Write(builder, value, new Layout(indent, floatsWithPoint), 0);
        return builder.ToString();
    }

    private readonly record struct Layout(bool Indent, bool FloatsWithPoint);

    private static void Write(StringBuilder b, object? value, Layout layout, int depth)
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
                WriteFloat(b, d, layout);
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
            case AnyKeyMap when !layout.FloatsWithPoint:
                throw new EvalError("json: unsupported type: map[interface {}]interface {}");
            case AnyKeyMap m when m.Keys.Any(k => k is not string):
                throw new EvalError("json: unsupported type: map[interface {}]interface {} with non-string keys");
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
                    NewLine(b, layout, depth + 1);
                    Write(b, list[i], layout, depth + 1);
                }
                NewLine(b, layout, depth);
                b.Append(']');
                return;
            default:
                if (Values.IsMap(value))
                {
                    WriteObject(b, Values.MapEntries(value).Select(p => (Key: p.Key as string ?? Values.TypeName(p.Key), p.Value)), layout, depth);
                    return;
                }
                WriteObject(b, HostProperties.Names(value).Select(n => (Key: n, Value: Access.Fetch(value, n))), layout, depth, sort: false);
                return;
        }
    }

    private static void WriteFloat(StringBuilder b, double d, Layout layout)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            throw new EvalError("json: unsupported value: " + GoFloat.FormatG(d));
        }
        var text = GoFloat.FormatJson(d);
        b.Append(text);
        if (layout.FloatsWithPoint && text.AsSpan().IndexOfAny(".e") < 0)
        {
            b.Append(".0");
        }
    }

    private static void WriteObject(StringBuilder b, IEnumerable<(string Key, object? Value)> entries, Layout layout, int depth, bool sort = true)
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
            NewLine(b, layout, depth + 1);
            WriteString(b, list[i].Key);
            b.Append(layout.Indent ? ": " : ":");
            Write(b, list[i].Value, layout, depth + 1);
        }
        NewLine(b, layout, depth);
        b.Append('}');
    }

    private static void NewLine(StringBuilder b, Layout layout, int depth)
    {
        if (layout.Indent)
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
