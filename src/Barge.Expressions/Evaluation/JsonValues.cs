using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Barge.Expressions.Evaluation;

/// <summary>
/// Converts System.Text.Json values into run-time values: objects become string-keyed maps,
/// arrays lists, and a number written without <c>.</c> or exponent an int (any other a float), the
/// way the conformance corpus decodes its environments.
/// </summary>
internal static class JsonValues
{
    public static object? FromElement(JsonElement element, bool numbersAsFloats = false)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = FromElement(property.Value, numbersAsFloats);
                }
                return map;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(FromElement(item, numbersAsFloats));
                }
                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return numbersAsFloats ? element.GetDouble() : FromNumberText(element.GetRawText());
            case JsonValueKind.True:
                return Boxes.True;
            case JsonValueKind.False:
                return Boxes.False;
            default:
                return null;
        }
    }

    public static object? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var pair in obj)
                {
                    map[pair.Key] = FromNode(pair.Value);
                }
                return map;
            case JsonArray array:
                var list = new List<object?>(array.Count);
                foreach (var item in array)
                {
                    list.Add(FromNode(item));
                }
                return list;
            case JsonValue value:
                if (value.TryGetValue<JsonElement>(out var element))
                {
                    return FromElement(element);
                }
                return Values.Normalize(value.GetValue<object>());
            default:
                return null;
        }
    }

    private static object FromNumberText(string text)
    {
        if (text.AsSpan().IndexOfAny(".eE") < 0 && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return Boxes.Int(l);
        }
        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
