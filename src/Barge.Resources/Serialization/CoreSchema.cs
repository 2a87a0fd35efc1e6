using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Barge.Resources.Serialization;

/// <summary>
/// YAML 1.2 core-schema typing of plain scalars, as Kubernetes' YAML decoding does: <c>true</c>,
/// <c>null</c>, integers and floats are typed; everything else (and every quoted scalar) is a string.
/// </summary>
internal static partial class CoreSchema
{
    public enum ScalarType
    {
        String,
        Null,
        Bool,
        Int,
        Float,
    }

    public static ScalarType Resolve(string plain) => plain switch
    {
        "" or "~" or "null" or "Null" or "NULL" => ScalarType.Null,
        "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarType.Bool,
        ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN" => ScalarType.Float,
        _ when IntPattern().IsMatch(plain) => ScalarType.Int,
        _ when FloatPattern().IsMatch(plain) => ScalarType.Float,
        _ => ScalarType.String,
    };

    /// <summary>The JSON value of a plain scalar, or an error when it has no JSON form (<c>.inf</c>, <c>.nan</c>).</summary>
    public static JsonNode? ToJson(string plain, out string? error)
    {
        error = null;
        switch (Resolve(plain))
        {
            case ScalarType.Null:
                return null;
            case ScalarType.Bool:
                return JsonValue.Create(plain[0] is 't' or 'T');
            case ScalarType.Int:
                return ParseInt(plain, out error);
            case ScalarType.Float:
                if (plain.Contains("inf", StringComparison.OrdinalIgnoreCase) || plain.Contains("nan", StringComparison.OrdinalIgnoreCase))
                {
                    error = $"the value {plain} cannot be represented in JSON";
                    return null;
                }
                return JsonValue.Create(double.Parse(plain, NumberStyles.Float, CultureInfo.InvariantCulture));
            default:
                return JsonValue.Create(plain);
        }
    }

    private static JsonValue? ParseInt(string plain, out string? error)
    {
        error = null;
        if (plain.StartsWith("0x", StringComparison.Ordinal) || plain.StartsWith("0o", StringComparison.Ordinal))
        {
            var radix = plain[1] == 'x' ? 16 : 8;
            try
            {
                return JsonValue.Create(Convert.ToInt64(plain[2..], radix));
            }
            catch (OverflowException)
            {
                error = $"the integer {plain} is out of range";
                return null;
            }
        }
        if (long.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return JsonValue.Create(value);
        }
        return JsonValue.Create(double.Parse(plain, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
