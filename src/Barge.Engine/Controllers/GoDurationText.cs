using System.Globalization;

namespace Barge.Engine.Controllers;

/// <summary>Go's <c>time.ParseDuration</c> for non-negative durations (<c>5m0s</c>, <c>1h30m</c>, <c>1.5s</c>, <c>300ms</c>).</summary>
internal static class GoDurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        if (text == "0")
        {
            return true;
        }
        var span = text.AsSpan();
        double ticks = 0;
        while (!span.IsEmpty)
        {
            var n = 0;
            while (n < span.Length && (char.IsAsciiDigit(span[n]) || span[n] == '.'))
            {
                n++;
            }
            if (n == 0 || !double.TryParse(span[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }
            span = span[n..];
            var u = 0;
            while (u < span.Length && !char.IsAsciiDigit(span[u]) && span[u] != '.')
            {
                u++;
            }
            double? unit = span[..u] switch
            {
                "ns" => 0.01,
                "us" or "µs" or "μs" => 10,
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                _ => null,
            };
            if (unit is null)
            {
                return false;
            }
            ticks += number * unit.Value;
            span = span[u..];
        }
        duration = TimeSpan.FromTicks((long)ticks);
        return true;
    }
}
