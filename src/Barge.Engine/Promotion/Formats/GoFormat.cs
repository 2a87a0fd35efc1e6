using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Barge.Engine.Promotion.Formats;

/// <summary>
/// Go's text forms of values, where Kargo's observable output (commit messages, written values)
/// depends on them: <c>%v</c> of a float64, <c>strconv.FormatFloat(f, 'f', -1)</c>, <c>%q</c> of a
/// string and <c>encoding/json</c> string escaping.
/// </summary>
internal static class GoFormat
{
    /// <summary>The value of a JSON number node as a double.</summary>
    public static double ToDouble(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>True when a JSON number node was written without fraction or exponent (<c>9090</c>).</summary>
    public static bool IsIntegerLiteral(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var text = node.ToJsonString();
        return node.GetValueKind() == JsonValueKind.Number && text.AsSpan().IndexOfAny(".eE") < 0;
    }

    /// <summary>Go <c>%v</c> of a float64: shortest digits, exponent form when the decimal exponent is &lt; -4 or ≥ 6 (<c>1e+06</c>).</summary>
    public static string FloatV(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }
        var (negative, digits, dp) = Shortest(value);
        var exp = dp - 1;
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }
        if (exp < -4 || exp >= 6)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }
            sb.Append('e').Append(exp < 0 ? '-' : '+');
            var abs = Math.Abs(exp);
            sb.Append(abs < 10 ? "0" : "").Append(abs.ToString(CultureInfo.InvariantCulture));
            return sb.ToString();
        }
        AppendPlain(sb, digits, dp);
        return sb.ToString();
    }

    /// <summary>Go <c>strconv.FormatFloat(v, 'f', -1, 64)</c>: shortest digits, never an exponent.</summary>
    public static string FloatPlain(double value)
    {
        var (negative, digits, dp) = Shortest(value);
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }
        AppendPlain(sb, digits, dp);
        return sb.ToString();
    }

    /// <summary>Go <c>%q</c>: a double-quoted string with Go escapes; printable Unicode is kept.</summary>
    public static string Quote(string value) => Barge.Resources.Durations.GoStrings.Quote(value);

    /// <summary>Go <c>encoding/json</c> string encoding (HTML characters and U+2028/2029 escaped).</summary>
    public static string JsonString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }

    private static void AppendPlain(StringBuilder sb, string digits, int dp)
    {
        if (dp <= 0)
        {
            sb.Append("0.").Append('0', -dp).Append(digits);
        }
        else if (dp >= digits.Length)
        {
            sb.Append(digits).Append('0', dp - digits.Length);
        }
        else
        {
            sb.Append(digits, 0, dp).Append('.').Append(digits, dp, digits.Length - dp);
        }
    }

    /// <summary>Shortest round-trip decimal digits and the decimal point position (value = 0.digits × 10^dp).</summary>
    private static (bool Negative, string Digits, int DecimalPoint) Shortest(double value)
    {
        if (value == 0)
        {
            return (double.IsNegative(value), "0", 1);
        }
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text.StartsWith('-');
        if (negative)
        {
            text = text[1..];
        }
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var intPart = point < 0 ? text : text[..point];
        var fracPart = point < 0 ? "" : text[(point + 1)..];
        var all = intPart + fracPart;
        var dp = intPart.Length + exponent;
        var lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
        }
        all = all[lead..];
        dp -= lead;
        all = all.TrimEnd('0');
        if (all.Length == 0)
        {
            all = "0";
        }
        return (negative, all, dp);
    }
}
