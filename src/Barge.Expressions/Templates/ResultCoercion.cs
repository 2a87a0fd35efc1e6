using System.Text.Json;
using Barge.Expressions.Builtins;

namespace Barge.Expressions.Templates;

/// <summary>
/// Kargo's interpretation of an evaluated template (kargo-spec §3.1, steps 3–8): one trailing
/// newline is set aside; a quoted string loses its quotes; then a Go float, a Go bool, any JSON
/// value; otherwise the text itself.
/// </summary>
internal static class ResultCoercion
{
    public static object? Coerce(string text)
    {
        var hadNewline = text.EndsWith('\n');
        var s = hadNewline ? text[..^1] : text;
        if (s.Length > 1 && s[0] == '"' && s[^1] == '"')
        {
            return s[1..^1] + (hadNewline ? "\n" : string.Empty);
        }
        if (s.Length > 0 && MayBeNumber(s[0]) && (ConversionBuiltins.TryParseGoFloat(s, out var number) || IsGoNaNOrInf(s, out number)))
        {
            return number;
        }
        switch (s)
        {
            case "1" or "t" or "T" or "TRUE" or "true" or "True":
                return true;
            case "0" or "f" or "F" or "FALSE" or "false" or "False":
                return false;
            default:
                break;
        }
        if (MayBeJson(s) && TryParseJson(s, out var value))
        {
            return value;
        }
        return hadNewline ? s + "\n" : s;
    }

    private static bool MayBeNumber(char first) => char.IsAsciiDigit(first) || first is '+' or '-' or '.' or 'i' or 'I' or 'n' or 'N';

    /// <summary>Numbers, strings and bools were handled before; only objects, arrays and null remain (saves failing parses).</summary>
    private static bool MayBeJson(string s)
    {
        var trimmed = s.AsSpan().Trim();
        return trimmed.Length > 0 && (trimmed[0] is '{' or '[' || trimmed.SequenceEqual("null"));
    }

    private static bool IsGoNaNOrInf(string s, out double value)
    {
        value = s.ToLowerInvariant() switch
        {
            "nan" => double.NaN,
            "inf" or "+inf" or "infinity" or "+infinity" => double.PositiveInfinity,
            "-inf" or "-infinity" => double.NegativeInfinity,
            _ => 0,
        };
        return value != 0;
    }

    private static bool TryParseJson(string s, out object? value)
    {
        value = null;
        if (s.Length == 0)
        {
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(s);
            value = FromJson(document.RootElement);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Go's <c>json.Unmarshal</c> into <c>any</c>: numbers are floats.</summary>
    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate(
            new Dictionary<string, object?>(StringComparer.Ordinal),
            (map, p) =>
            {
                map[p.Name] = FromJson(p.Value);
                return map;
            }),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
