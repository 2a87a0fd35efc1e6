using System.Globalization;
using System.Text;
using System.Text.Json;
using Barge.Expressions.Evaluation;
using Barge.Expressions.Formatting;

namespace Barge.Expressions.Builtins;

/// <summary><c>type int float string toJSON fromJSON toBase64 fromBase64</c>.</summary>
internal static class ConversionBuiltins
{
    private static readonly System.Buffers.SearchValues<char> Decimal = System.Buffers.SearchValues.Create("0123456789");
    private static readonly System.Buffers.SearchValues<char> FloatChars = System.Buffers.SearchValues.Create("0123456789+-.eE");

    public static void Register(List<BuiltinFunction> all)
    {
        all.Add(new("type", 1, 1, static (a, _) => Values.KindName(a[0])));
        all.Add(new("int", 1, 1, static (a, _) => ToInt(a[0])));
        all.Add(new("float", 1, 1, static (a, _) => ToFloat(a[0])));
        all.Add(new("string", 1, 1, static (a, _) => GoValueFormat.Format(a[0])));
        all.Add(new("toJSON", 1, 1, static (a, _) => GoJson.Serialize(a[0], indent: true)));
        all.Add(new("fromJSON", 1, 1, static (a, _) => FromJson(Args.String("fromJSON", a[0]))));
        all.Add(new("toBase64", 1, 1, static (a, _) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Args.String("toBase64", a[0])))));
        all.Add(new("fromBase64", 1, 1, static (a, _) =>
        {
            var text = Args.String("fromBase64", a[0]);
            try
            {
                if (text.Length % 4 != 0)
                {
                    throw new FormatException();
                }
                return Encoding.UTF8.GetString(Convert.FromBase64String(text));
            }
            catch (FormatException)
            {
                throw new EvalError("illegal base64 data in fromBase64 argument");
            }
        }));
    }

    private static object ToInt(object? value) => value switch
    {
        long => value,
        double d => Boxes.Int(double.IsNaN(d) || d >= 9.2233720368547758E+18 || d < -9.2233720368547758E+18 ? long.MinValue : (long)d),
        string s when IsAtoi(s) && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => Boxes.Int(l),
        string s => throw new EvalError($"strconv.Atoi: parsing {GoQuoting.Quote(s)}: invalid syntax"),
        _ => throw new EvalError($"invalid operation: int({Values.TypeName(value)})"),
    };

    private static bool IsAtoi(string s)
    {
        var span = s.AsSpan();
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            span = span[1..];
        }
        return span.Length > 0 && !span.ContainsAnyExcept(Decimal);
    }

    private static object ToFloat(object? value)
    {
        switch (value)
        {
            case double:
                return value;
            case long l:
                return (double)l;
            case string s:
                if (TryParseGoFloat(s, out var d))
                {
                    return d;
                }
                throw new EvalError($"strconv.ParseFloat: parsing {GoQuoting.Quote(s)}: invalid syntax");
            default:
                throw new EvalError($"invalid operation: float({Values.TypeName(value)})");
        }
    }

    /// <summary>Go's <c>strconv.ParseFloat</c> for decimal text, <c>inf</c>/<c>infinity</c>/<c>nan</c> and digit underscores.</summary>
    internal static bool TryParseGoFloat(string s, out double value)
    {
        var body = s.Length > 0 && s[0] is '+' or '-' ? s[1..] : s;
        var negative = s.StartsWith('-');
        switch (body.ToLowerInvariant())
        {
            case "inf" or "infinity":
                value = negative ? double.NegativeInfinity : double.PositiveInfinity;
                return true;
            case "nan" when s.Length == body.Length:
                value = double.NaN;
                return true;
            default:
                break;
        }
        if (body.Length == 0 || body.Contains("__", StringComparison.Ordinal) || body.StartsWith('_') || body.EndsWith('_'))
        {
            value = 0;
            return false;
        }
        var cleaned = s.Replace("_", string.Empty, StringComparison.Ordinal);
        if (cleaned.AsSpan().ContainsAnyExcept(FloatChars) || !double.TryParse(
            cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value))
        {
            value = 0;
            return false;
        }
        return !double.IsInfinity(value);
    }

    private static object? FromJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return ToValue(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new EvalError("invalid JSON in fromJSON: " + e.Message);
        }
    }

    /// <summary>fromJSON decodes like Go's <c>json.Unmarshal</c> into <c>any</c>: every number is a float.</summary>
    private static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate(
            new Dictionary<string, object?>(StringComparer.Ordinal),
            (map, p) =>
            {
                map[p.Name] = ToValue(p.Value);
                return map;
            }),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => Boxes.True,
        JsonValueKind.False => Boxes.False,
        _ => null,
    };
}
