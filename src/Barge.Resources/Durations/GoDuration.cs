using System.Globalization;
using System.Text;

namespace Barge.Resources.Durations;

/// <summary>
/// Go's duration syntax, as Kargo writes <c>requiredSoakTime</c> and <c>longestSoak</c>:
/// <c>5s</c>, <c>1h30m</c>, <c>1.5h</c>, <c>300ms</c>; formatted as Go's <c>Duration.String()</c>.
/// </summary>
public static class GoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration) => TryParse(text, out duration, out _);

    /// <summary>As <see cref="TryParse(string?, out TimeSpan)"/>, with Go's <c>time.ParseDuration</c> error text when it fails.</summary>
    public static bool TryParse(string? text, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.Zero;
        error = "";
        text ??= "";
        var invalid = "time: invalid duration " + GoStrings.Quote(text);
        var span = text.AsSpan();
        var negative = false;
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            negative = span[0] == '-';
            span = span[1..];
        }
        if (span.SequenceEqual("0"))
        {
            return true;
        }
        if (span.IsEmpty)
        {
            error = invalid;
            return false;
        }
        decimal ticks = 0;
        while (!span.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < span.Length && (char.IsAsciiDigit(span[numberLength]) || span[numberLength] == '.'))
            {
                numberLength++;
            }
            if (numberLength == 0 || !decimal.TryParse(span[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                error = invalid;
                return false;
            }
            span = span[numberLength..];
            var unitLength = 0;
            while (unitLength < span.Length && !char.IsAsciiDigit(span[unitLength]) && span[unitLength] != '.')
            {
                unitLength++;
            }
            if (unitLength == 0)
            {
                error = "time: missing unit in duration " + GoStrings.Quote(text);
                return false;
            }
            decimal? unit = span[..unitLength] switch
            {
                "ns" => 0.01m,
                "us" or "µs" or "μs" => 10m,
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                _ => null,
            };
            if (unit is null)
            {
                error = "time: unknown unit " + GoStrings.Quote(span[..unitLength].ToString()) + " in duration " + GoStrings.Quote(text);
                return false;
            }
            if (number > TimeSpan.MaxValue.Ticks / unit.Value)
            {
                error = invalid;
                return false;
            }
            ticks += number * unit.Value;
            span = span[unitLength..];
        }
        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            error = invalid;
            return false;
        }
        var whole = (long)decimal.Truncate(ticks);
        duration = TimeSpan.FromTicks(negative ? -whole : whole);
        return true;
    }

    /// <summary>Go's <c>Duration.String()</c>: <c>0s</c>, <c>1.5ms</c>, <c>1h2m3.5s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var nanos = (Int128)duration.Ticks * 100;
        var negative = nanos < 0;
        var u = negative ? -nanos : nanos;
        var sb = new StringBuilder();
        if (u < 1_000_000_000)
        {
            if (u == 0)
            {
                return "0s";
            }
            if (u < 1_000)
            {
                sb.Append(u.ToString(CultureInfo.InvariantCulture)).Append("ns");
            }
            else if (u < 1_000_000)
            {
                sb.Append(Fraction(u, 3)).Append("µs");
            }
            else
            {
                sb.Append(Fraction(u, 6)).Append("ms");
            }
        }
        else
        {
            var seconds = Fraction(u, 9);
            var whole = u / 1_000_000_000;
            var hours = whole / 3600;
            var minutes = whole / 60 % 60;
            if (hours > 0)
            {
                sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            }
            if (hours > 0 || minutes > 0)
            {
                sb.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
            }
            // Fraction gives total seconds; keep only the part below a minute.
            var secondsPart = (whole % 60).ToString(CultureInfo.InvariantCulture);
            var dot = seconds.IndexOf('.', StringComparison.Ordinal);
            sb.Append(secondsPart).Append(dot >= 0 ? seconds[dot..] : "").Append('s');
        }
        return (negative ? "-" : "") + sb;
    }

    /// <summary><paramref name="value"/> / 10^<paramref name="precision"/> with trailing zeros of the fraction removed.</summary>
    private static string Fraction(Int128 value, int precision)
    {
        Int128 scale = 1;
        for (var i = 0; i < precision; i++)
        {
            scale *= 10;
        }
        var integer = (value / scale).ToString(CultureInfo.InvariantCulture);
        var fraction = (value % scale).ToString(CultureInfo.InvariantCulture).PadLeft(precision, '0').TrimEnd('0');
        return fraction.Length == 0 ? integer : integer + "." + fraction;
    }
}
