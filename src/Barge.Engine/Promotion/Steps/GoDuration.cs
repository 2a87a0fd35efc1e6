using System.Globalization;

namespace Barge.Engine.Promotion.Steps;

/// <summary>Go's <c>time.ParseDuration</c>: a signed sequence of decimal numbers with units (<c>1h30m</c>, <c>1.5s</c>, <c>300ms</c>).</summary>
internal static class GoDuration
{
    private static readonly (string Unit, double Ticks)[] Units =
    [
        ("ns", 0.01), ("us", 10), ("µs", 10), ("μs", 10), ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour),
    ];

    /// <summary>The duration, or null with Go's error text in <paramref name="error"/>.</summary>
    public static TimeSpan? TryParse(string text, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = "";
        var invalid = "time: invalid duration " + Formats.GoFormat.Quote(text);
        var s = text.AsSpan();
        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (s.SequenceEqual("0"))
        {
            return TimeSpan.Zero;
        }
        if (s.IsEmpty)
        {
            error = invalid;
            return null;
        }
        double ticks = 0;
        while (!s.IsEmpty)
        {
            var n = 0;
            while (n < s.Length && (char.IsAsciiDigit(s[n]) || s[n] == '.'))
            {
                n++;
            }
            if (n == 0 || !double.TryParse(s[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                error = invalid;
                return null;
            }
            s = s[n..];
            var u = 0;
            while (u < s.Length && !char.IsAsciiDigit(s[u]) && s[u] != '.')
            {
                u++;
            }
            if (u == 0)
            {
                error = "time: missing unit in duration " + Formats.GoFormat.Quote(text);
                return null;
            }
            var unit = s[..u].ToString();
            var scale = Array.Find(Units, x => x.Unit == unit).Ticks;
            if (scale == 0)
            {
                error = "time: unknown unit " + Formats.GoFormat.Quote(unit) + " in duration " + Formats.GoFormat.Quote(text);
                return null;
            }
            ticks += value * scale;
            s = s[u..];
        }
        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            error = invalid;
            return null;
        }
        var span = TimeSpan.FromTicks((long)ticks);
        return negative ? -span : span;
    }
}
