using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Barge.Expressions.Evaluation;
using Barge.Expressions.Formatting;

namespace Barge.Expressions;

/// <summary>
/// JSON in and out of the engine in the conformance corpus's convention: a number written without
/// <c>.</c> or exponent decodes to an int (<see cref="long"/>), any other to a float; on output ints
/// have no decimal point, floats always have one (<c>2.0</c>, <c>1e+21</c>), map keys are sorted.
/// </summary>
public static class ExprJson
{
    /// <summary>Decodes JSON text into engine values (maps, lists, <see cref="long"/>, <see cref="double"/>, …).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="numbersAsFloats">When true every number becomes a float, as Go's <c>json.Unmarshal</c> into
    /// <c>any</c> gives them to Kargo's expressions; default false (the corpus rule above).</param>
    /// <exception cref="JsonException">The text is not valid JSON.</exception>
    public static object? Parse(string json, bool numbersAsFloats = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return JsonValues.FromElement(document.RootElement, numbersAsFloats);
    }

    /// <summary>Converts a System.Text.Json node into engine values with the same number rule.</summary>
    public static object? FromNode(System.Text.Json.Nodes.JsonNode? node) => JsonValues.FromNode(node);

    /// <summary>Encodes an engine value as compact JSON in the corpus convention.</summary>
    /// <exception cref="ExpressionException">The value cannot be encoded (NaN, infinities, maps with non-string keys).</exception>
    public static string Format(object? value)
    {
        var builder = new StringBuilder();
        try
        {
            Write(builder, value, 0);
        }
        catch (EvalError e)
        {
            throw new ExpressionException(e.Reason);
        }
        return builder.ToString();
    }

    private static void Write(StringBuilder b, object? value, int depth)
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
                break;
            case bool x:
                b.Append(x ? "true" : "false");
                break;
            case long l:
                b.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                if (double.IsNaN(d) || double.IsInfinity(d))
                {
                    throw new EvalError("json: unsupported value: " + GoFloat.FormatG(d));
                }
                var text = GoFloat.FormatJson(d);
                b.Append(text);
                if (text.AsSpan().IndexOfAny(".e") < 0)
                {
                    b.Append(".0");
                }
                break;
            case string s:
                GoJson.WriteString(b, s);
                break;
            case AnyKeyMap m when m.Keys.Any(k => k is not string):
                throw new EvalError("json: unsupported type: map[interface {}]interface {} with non-string keys");
            case IList list when !Values.IsMap(value):
                b.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        b.Append(',');
                    }
                    Write(b, list[i], depth + 1);
                }
                b.Append(']');
                break;
            default:
                if (Values.IsMap(value))
                {
                    b.Append('{');
                    var first = true;
                    foreach (var (key, item) in Values.MapEntries(value).OrderBy(p => p.Key as string, StringComparer.Ordinal))
                    {
                        if (!first)
                        {
                            b.Append(',');
                        }
                        first = false;
                        GoJson.WriteString(b, key as string ?? string.Empty);
                        b.Append(':');
                        Write(b, item, depth + 1);
                    }
                    b.Append('}');
                    break;
                }
                b.Append(GoJson.Serialize(value, indent: false));
                break;
        }
    }
}
