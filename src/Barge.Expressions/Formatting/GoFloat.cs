using System.Globalization;
using System.Text;

namespace Barge.Expressions.Formatting;

/// <summary>
/// Go's float formatting: the shortest digits that round-trip, laid out as <c>%v</c> or as
/// <c>encoding/json</c> does.
/// </summary>
internal static class GoFloat
{
    /// <summary>Go <c>%v</c> (<c>strconv 'g', -1</c>): exponent form when the decimal exponent is &lt; -4 or ≥ 6.</summary>
    public static string FormatG(double value)
    {
        if (TrySpecial(value, out var special))
        {
            return special;
        }
        Decompose(value, out var negative, out var digits, out var point);
        var exponent = point - 1;
        return exponent < -4 || exponent >= 6
            ? Exponent(negative, digits, exponent, twoDigitExponent: true)
            : Plain(negative, digits, point);
    }

    /// <summary>Go <c>encoding/json</c>: plain digits unless |v| &lt; 1e-6 or ≥ 1e21; integral values have no point.</summary>
    public static string FormatJson(double value)
    {
        if (TrySpecial(value, out var special))
        {
            return special;
        }
        var abs = Math.Abs(value);
        Decompose(value, out var negative, out var digits, out var point);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21))
        {
            return Exponent(negative, digits, point - 1, twoDigitExponent: false);
        }
        return Plain(negative, digits, point);
    }

    private static bool TrySpecial(double value, out string text)
    {
        text = double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "+Inf" : double.IsNegativeInfinity(value) ? "-Inf" : string.Empty;
        return text.Length > 0;
    }

    /// <summary>Splits into sign, significant digits (no leading/trailing zeros) and the decimal point position.</summary>
    private static void Decompose(double value, out bool negative, out string digits, out int point)
    {
        negative = double.IsNegative(value);
        if (value == 0)
        {
            digits = "0";
            point = 1;
            return;
        }
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt >= 0 ? shortest[..exponentAt] : shortest;
        var exp = exponentAt >= 0 ? int.Parse(shortest.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : string.Empty;
        var all = intPart + fracPart;
        point = intPart.Length + exp;
        var lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
        }
        all = all[lead..];
        point -= lead;
        digits = all.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }
    }

    private static string Plain(bool negative, string digits, int point)
    {
        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('-');
        }
        if (point <= 0)
        {
            builder.Append("0.").Append('0', -point).Append(digits);
        }
        else if (point >= digits.Length)
        {
            builder.Append(digits).Append('0', point - digits.Length);
        }
        else
        {
            builder.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
        }
        return builder.ToString();
    }

    private static string Exponent(bool negative, string digits, int exponent, bool twoDigitExponent)
    {
        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('-');
        }
        builder.Append(digits[0]);
        if (digits.Length > 1)
        {
            builder.Append('.').Append(digits, 1, digits.Length - 1);
        }
        builder.Append('e').Append(exponent < 0 ? '-' : '+');
        var magnitude = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        if (twoDigitExponent && magnitude.Length < 2)
        {
            builder.Append('0');
        }
        return builder.Append(magnitude).ToString();
    }
}
