using System.Collections;
using System.Globalization;
using System.Text;
using Barge.Expressions.Evaluation;

namespace Barge.Expressions.Formatting;

/// <summary>Go's <c>%v</c> over run-time values, as expr's <c>string()</c> prints them.</summary>
internal static class GoValueFormat
{
    public static string Format(object? value)
    {
        var builder = new StringBuilder();
        Append(builder, value, 0);
        return builder.ToString();
    }

    private static void Append(StringBuilder b, object? value, int depth)
    {
        if (depth > 10_000)
        {
            throw new EvalError("string: value is nested too deeply");
        }
        value = Values.Normalize(value);
        switch (value)
        {
            case null:
                b.Append("<nil>");
                break;
            case bool x:
                b.Append(x ? "true" : "false");
                break;
            case long l:
                b.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                b.Append(GoFloat.FormatG(d));
                break;
            case string s:
                b.Append(s);
                break;
            case DateTimeOffset t:
                b.Append(GoTime.FormatDefault(t));
                break;
            case TimeSpan span:
                b.Append(GoTime.FormatDuration(span));
                break;
            case IList list when value is not IDictionary:
                b.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        b.Append(' ');
                    }
                    Append(b, list[i], depth + 1);
                }
                b.Append(']');
                break;
            default:
                if (Values.IsMap(value))
                {
                    b.Append("map[");
                    var first = true;
                    foreach (var (key, item) in Values.MapEntries(value).OrderBy(p => Format(p.Key), StringComparer.Ordinal))
                    {
                        if (!first)
                        {
                            b.Append(' ');
                        }
                        first = false;
                        Append(b, key, depth + 1);
                        b.Append(':');
                        Append(b, item, depth + 1);
                    }
                    b.Append(']');
                    break;
                }
                b.Append('{');
                var firstField = true;
                foreach (var name in HostProperties.Names(value))
                {
                    if (!firstField)
                    {
                        b.Append(' ');
                    }
                    firstField = false;
                    Append(b, Access.Fetch(value, name), depth + 1);
                }
                b.Append('}');
                break;
        }
    }
}
