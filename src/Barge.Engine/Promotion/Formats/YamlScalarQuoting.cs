using System.Text.Json;
using System.Text.RegularExpressions;

namespace Barge.Engine.Promotion.Formats;

/// <summary>
/// Decides whether a string written as a YAML value needs double quotes. Kargo quotes strings Go would
/// read as a float or boolean, or that are valid JSON; Barge quotes those too and, beyond Kargo, every
/// string a YAML reader would not read back as the same string (<c>~</c>, <c>Null</c>, <c>0x1F</c>, the
/// empty string, <c>a: b</c>, <c>#x</c>, leading or trailing blanks, control characters).
/// </summary>
internal static partial class YamlScalarQuoting
{
    public static bool NeedsQuotes(string value, bool inFlow)
    {
        ArgumentNullException.ThrowIfNull(value);
        return KargoQuotes(value) || !IsSafePlain(value, inFlow);
    }

    /// <summary>Kargo's rule: a Go float, a Go boolean, or valid JSON.</summary>
    public static bool KargoQuotes(string value) =>
        GoFloat().IsMatch(value) || GoHexFloat().IsMatch(value) || IsGoBool(value) || IsJson(value);

    private static bool IsGoBool(string value) =>
        value is "1" or "t" or "T" or "TRUE" or "true" or "True" or "0" or "f" or "F" or "FALSE" or "false" or "False";

    private static bool IsJson(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(value));
        try
        {
            while (reader.Read())
            {
            }
            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsSafePlain(string value, bool inFlow)
    {
        if (value.Length == 0 || value != value.Trim() || YamlSpecial().IsMatch(value))
        {
            return false;
        }
        if ("[]{}#&*!|>'\"%@`,".Contains(value[0], StringComparison.Ordinal)
            || (value[0] is '-' or '?' or ':' && (value.Length == 1 || value[1] == ' ')))
        {
            return false;
        }
        if (value.Contains(": ", StringComparison.Ordinal) || value.EndsWith(':') || value.Contains(" #", StringComparison.Ordinal))
        {
            return false;
        }
        if (inFlow && value.AsSpan().IndexOfAny(",[]{}") >= 0)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (char.IsControl(c) || c == '\uFEFF')
            {
                return false;
            }
        }
        return true;
    }

    [GeneratedRegex(@"^[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|(?i:inf|infinity|nan))$")]
    private static partial Regex GoFloat();

    [GeneratedRegex(@"^[+-]?0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?[0-9]+$")]
    private static partial Regex GoHexFloat();

    /// <summary>Plain texts YAML 1.2 (core) or 1.1 would read as null, a number or a special float.</summary>
    [GeneratedRegex(@"^(?:~|null|Null|NULL|[-+]?0[xX][0-9a-fA-F_]+|[-+]?0[oO][0-7_]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|<<|---|\.\.\.)$")]
    private static partial Regex YamlSpecial();
}
