using System.Globalization;
using System.Text;
using Barge.Expressions.Evaluation;

namespace Barge.Expressions.Formatting;

/// <summary>Go's time and duration text forms: <c>time.Duration.String</c>, duration parsing, reference layouts.</summary>
internal static class GoTime
{
    private static readonly (string Unit, double Nanos)[] Units =
    [
        ("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
    ];

    public static string FormatRfc3339Nano(DateTimeOffset t) => Format(t, "2006-01-02T15:04:05.999999999Z07:00");

    public static string FormatDefault(DateTimeOffset t) => Format(t, "2006-01-02 15:04:05.999999999 -0700 MST");

    /// <summary>Go's <c>Duration.String</c>: <c>1h2m3.5s</c>, <c>1.5ms</c>, <c>0s</c>.</summary>
    public static string FormatDuration(TimeSpan span)
    {
        var nanos = span.Ticks * 100;
        if (nanos == 0)
        {
            return "0s";
        }
        var negative = nanos < 0;
        var u = (ulong)Math.Abs(nanos);
        var b = new StringBuilder();
        if (u < 1_000_000_000)
        {
            var (unit, scale) = u < 1000 ? ("ns", 1UL) : u < 1_000_000 ? ("µs", 1000UL) : ("ms", 1_000_000UL);
            b.Append(Fraction(u, scale)).Append(unit);
        }
        else
        {
            var hours = u / 3_600_000_000_000;
            var rest = u % 3_600_000_000_000;
            var minutes = rest / 60_000_000_000;
            var seconds = rest % 60_000_000_000;
            if (hours > 0)
            {
                b.Append(hours).Append('h');
            }
            if (hours > 0 || minutes > 0)
            {
                b.Append(minutes).Append('m');
            }
            b.Append(Fraction(seconds, 1_000_000_000)).Append('s');
        }
        return (negative ? "-" : string.Empty) + b;
    }

    private static string Fraction(ulong value, ulong scale)
    {
        var whole = value / scale;
        var frac = value % scale;
        if (frac == 0)
        {
            return whole.ToString(CultureInfo.InvariantCulture);
        }
        var digits = scale.ToString(CultureInfo.InvariantCulture).Length - 1;
        return whole.ToString(CultureInfo.InvariantCulture) + "." + frac.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
    }

    /// <summary>Go's <c>time.ParseDuration</c>.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        var s = text;
        var negative = false;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (s == "0")
        {
            return TimeSpan.Zero;
        }
        if (s.Length == 0)
        {
            throw new EvalError($"time: invalid duration {GoQuoting.Quote(text)}");
        }
        double total = 0;
        while (s.Length > 0)
        {
            var i = 0;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }
            if (i == 0 || !double.TryParse(s[..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                throw new EvalError($"time: invalid duration {GoQuoting.Quote(text)}");
            }
            s = s[i..];
            var j = 0;
            while (j < s.Length && !char.IsAsciiDigit(s[j]) && s[j] != '.')
            {
                j++;
            }
            var unit = s[..j];
            s = s[j..];
            var scale = Array.Find(Units, u => u.Unit == unit).Nanos;
            if (scale == 0)
            {
                throw new EvalError(unit.Length == 0
                    ? $"time: missing unit in duration {GoQuoting.Quote(text)}"
                    : $"time: unknown unit {GoQuoting.Quote(unit)} in duration {GoQuoting.Quote(text)}");
            }
            total += number * scale;
        }
        if (total > long.MaxValue)
        {
            throw new EvalError($"time: invalid duration {GoQuoting.Quote(text)}");
        }
        var ticks = (long)Math.Round(total / 100);
        return TimeSpan.FromTicks(negative ? -ticks : ticks);
    }

    /// <summary>Formats with a Go reference layout (<c>2006-01-02T15:04:05Z07:00</c>).</summary>
    public static string Format(DateTimeOffset t, string layout)
    {
        var b = new StringBuilder();
        var i = 0;
        while (i < layout.Length)
        {
            var (token, length) = NextToken(layout, i);
            if (token is null)
            {
                b.Append(layout[i]);
                i++;
                continue;
            }
            b.Append(FormatToken(t, token));
            i += length;
        }
        return b.ToString();
    }

    private static readonly string[] Tokens =
    [
        "January", "Monday", "2006", "Z07:00", "-07:00", "Z0700", "-0700", ".000000000", ".999999999", ".000000", ".999999",
        ".000", ".999", "Jan", "Mon", "MST", "-07", "002", "__2", "_2", "01", "02", "03", "04", "05", "06", "15", "PM", "pm",
        "1", "2", "3", "4", "5",
    ];

    private static (string? Token, int Length) NextToken(string layout, int i)
    {
        foreach (var token in Tokens)
        {
            if (string.CompareOrdinal(layout, i, token, 0, token.Length) == 0)
            {
                return (token, token.Length);
            }
        }
        return (null, 1);
    }

    private static string FormatToken(DateTimeOffset t, string token)
    {
        var ci = CultureInfo.InvariantCulture;
        var offset = t.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        var fraction = (t.Ticks % TimeSpan.TicksPerSecond * 100).ToString("D9", ci);
        return token switch
        {
            "January" => t.ToString("MMMM", ci),
            "Jan" => t.ToString("MMM", ci),
            "Monday" => t.DayOfWeek.ToString(),
            "Mon" => t.DayOfWeek.ToString()[..3],
            "2006" => t.Year.ToString("D4", ci),
            "06" => (t.Year % 100).ToString("D2", ci),
            "01" => t.Month.ToString("D2", ci),
            "1" => t.Month.ToString(ci),
            "02" => t.Day.ToString("D2", ci),
            "2" => t.Day.ToString(ci),
            "_2" => t.Day.ToString(ci).PadLeft(2),
            "002" => t.DayOfYear.ToString("D3", ci),
            "__2" => t.DayOfYear.ToString(ci).PadLeft(3),
            "15" => t.Hour.ToString("D2", ci),
            "03" => (t.Hour % 12 == 0 ? 12 : t.Hour % 12).ToString("D2", ci),
            "3" => (t.Hour % 12 == 0 ? 12 : t.Hour % 12).ToString(ci),
            "04" => t.Minute.ToString("D2", ci),
            "4" => t.Minute.ToString(ci),
            "05" => t.Second.ToString("D2", ci),
            "5" => t.Second.ToString(ci),
            "PM" => t.Hour >= 12 ? "PM" : "AM",
            "pm" => t.Hour >= 12 ? "pm" : "am",
            "MST" => offset == TimeSpan.Zero ? "UTC" : sign + abs.Hours.ToString("D2", ci) + (abs.Minutes != 0 ? abs.Minutes.ToString("D2", ci) : string.Empty),
            "Z07:00" when offset == TimeSpan.Zero => "Z",
            "Z0700" when offset == TimeSpan.Zero => "Z",
            "Z07:00" or "-07:00" => sign + abs.Hours.ToString("D2", ci) + ":" + abs.Minutes.ToString("D2", ci),
            "Z0700" or "-0700" => sign + abs.Hours.ToString("D2", ci) + abs.Minutes.ToString("D2", ci),
            "-07" => sign + abs.Hours.ToString("D2", ci),
            ".000" or ".000000" or ".000000000" => "." + fraction[..(token.Length - 1)],
            _ when token.StartsWith(".9", StringComparison.Ordinal) => TrimFraction(fraction[..(token.Length - 1)]),
            _ => token,
        };
    }

    private static string TrimFraction(string digits)
    {
        var trimmed = digits.TrimEnd('0');
        return trimmed.Length == 0 ? string.Empty : "." + trimmed;
    }

    /// <summary>Parses with a Go reference layout; <paramref name="zone"/> applies when the text has no offset.</summary>
    public static DateTimeOffset Parse(string text, string layout, TimeZoneInfo zone)
    {
        var year = 1;
        int month = 1, day = 1, hour = 0, minute = 0, second = 0;
        long nanos = 0;
        TimeSpan? offset = null;
        var pm = (bool?)null;
        var pos = 0;
        var i = 0;
        while (i < layout.Length)
        {
            var (token, length) = NextToken(layout, i);
            if (token is null)
            {
                if (pos >= text.Length || text[pos] != layout[i])
                {
                    throw Bad(text, layout);
                }
                pos++;
                i++;
                continue;
            }
            i += length;
            switch (token)
            {
                case "2006": year = Digits(text, ref pos, 4, 4, text, layout); break;
                case "06": year = 2000 + Digits(text, ref pos, 2, 2, text, layout); if (year > 2068) { year -= 100; } break;
                case "01": month = Digits(text, ref pos, 2, 2, text, layout); break;
                case "1": month = Digits(text, ref pos, 1, 2, text, layout); break;
                case "02": day = Digits(text, ref pos, 2, 2, text, layout); break;
                case "2": day = Digits(text, ref pos, 1, 2, text, layout); break;
                case "_2": if (pos < text.Length && text[pos] == ' ') { pos++; } day = Digits(text, ref pos, 1, 2, text, layout); break;
                case "15": hour = Digits(text, ref pos, 1, 2, text, layout); break;
                case "03" or "3": hour = Digits(text, ref pos, token.Length, 2, text, layout); break;
                case "04" or "4": minute = Digits(text, ref pos, token.Length, 2, text, layout); break;
                case "05" or "5":
                    second = Digits(text, ref pos, token.Length, 2, text, layout);
                    if (pos < text.Length && text[pos] == '.' && (i >= layout.Length || layout[i] != '.'))
                    {
                        nanos = ParseFraction(text, ref pos);
                    }
                    break;
                case "PM" or "pm":
                    if (pos + 2 > text.Length)
                    {
                        throw Bad(text, layout);
                    }
                    pm = text.Substring(pos, 2).ToUpperInvariant() switch
                    {
                        "PM" => true,
                        "AM" => false,
                        _ => throw Bad(text, layout),
                    };
                    pos += 2;
                    break;
                case "Jan" or "January":
                    month = MonthName(text, ref pos, token == "Jan", layout);
                    break;
                case "Mon" or "Monday":
                    while (pos < text.Length && char.IsAsciiLetter(text[pos]))
                    {
                        pos++;
                    }
                    break;
                case "MST":
                    while (pos < text.Length && char.IsAsciiLetterUpper(text[pos]))
                    {
                        pos++;
                    }
                    break;
                case "Z07:00" or "Z0700" when pos < text.Length && text[pos] == 'Z':
                    pos++;
                    offset = TimeSpan.Zero;
                    break;
                case "Z07:00" or "-07:00" or "Z0700" or "-0700" or "-07":
                    offset = ParseOffset(text, ref pos, token, layout);
                    break;
                default:
                    if (token.StartsWith('.'))
                    {
                        nanos = ParseFraction(text, ref pos);
                        break;
                    }
                    throw Bad(text, layout);
            }
        }
        if (pos != text.Length)
        {
            throw new EvalError($"parsing time {GoQuoting.Quote(text)}: extra text: {GoQuoting.Quote(text[pos..])}");
        }
        if (pm is { } isPm)
        {
            hour = hour % 12 + (isPm ? 12 : 0);
        }
        try
        {
            var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(nanos / 100);
            return offset is { } o ? new DateTimeOffset(local, o) : new DateTimeOffset(local, zone.GetUtcOffset(local));
        }
        catch (ArgumentException)
        {
            throw new EvalError($"parsing time {GoQuoting.Quote(text)}: value out of range");
        }
    }

    private static int Digits(string text, ref int pos, int min, int max, string t, string layout)
    {
        var start = pos;
        while (pos < text.Length && pos - start < max && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }
        if (pos - start < min)
        {
            throw Bad(t, layout);
        }
        return int.Parse(text.AsSpan(start, pos - start), CultureInfo.InvariantCulture);
    }

    private static long ParseFraction(string text, ref int pos)
    {
        pos++;
        var start = pos;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }
        var digits = text[start..pos].PadRight(9, '0')[..9];
        return long.Parse(digits, CultureInfo.InvariantCulture);
    }

    private static int MonthName(string text, ref int pos, bool abbreviated, string layout)
    {
        var names = abbreviated ? CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames : CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
        for (var m = 0; m < 12; m++)
        {
            if (string.CompareOrdinal(text, pos, names[m], 0, names[m].Length) == 0)
            {
                pos += names[m].Length;
                return m + 1;
            }
        }
        throw Bad(text, layout);
    }

    private static TimeSpan ParseOffset(string text, ref int pos, string token, string layout)
    {
        if (pos >= text.Length || text[pos] is not ('+' or '-'))
        {
            throw Bad(text, layout);
        }
        var negative = text[pos] == '-';
        pos++;
        var hours = Digits(text, ref pos, 2, 2, text, layout);
        var minutes = 0;
        if (token.Contains(':', StringComparison.Ordinal))
        {
            if (pos >= text.Length || text[pos] != ':')
            {
                throw Bad(text, layout);
            }
            pos++;
        }
        if (token != "-07")
        {
            minutes = Digits(text, ref pos, 2, 2, text, layout);
        }
        var offset = new TimeSpan(hours, minutes, 0);
        return negative ? -offset : offset;
    }

    private static EvalError Bad(string text, string layout) =>
        new($"parsing time {GoQuoting.Quote(text)} as {GoQuoting.Quote(layout)}: cannot parse");
}
