using System.Globalization;

namespace Barge.Cli.Output;

/// <summary>
/// The AGE column's duration as kubectl writes it (<c>45s</c>, <c>5m10s</c>, <c>3h</c>, <c>2d5h</c>,
/// <c>400d</c>, <c>3y20d</c>): precise when young, coarser as it ages.
/// </summary>
internal static class HumanDuration
{
    public static string Format(TimeSpan age)
    {
        var seconds = (long)Math.Floor(age.TotalSeconds);
        if (seconds < -1)
        {
            return "<invalid>";
        }
        if (seconds < 0)
        {
            return "0s";
        }
        if (seconds < 120)
        {
            return S(seconds) + "s";
        }
        var minutes = seconds / 60;
        if (minutes < 10)
        {
            var s = seconds % 60;
            return s == 0 ? S(minutes) + "m" : S(minutes) + "m" + S(s) + "s";
        }
        if (minutes < 180)
        {
            return S(minutes) + "m";
        }
        var hours = minutes / 60;
        if (hours < 8)
        {
            var m = minutes % 60;
            return m == 0 ? S(hours) + "h" : S(hours) + "h" + S(m) + "m";
        }
        if (hours < 48)
        {
            return S(hours) + "h";
        }
        if (hours < 24 * 8)
        {
            var h = hours % 24;
            return h == 0 ? S(hours / 24) + "d" : S(hours / 24) + "d" + S(h) + "h";
        }
        if (hours < 24 * 365 * 2)
        {
            return S(hours / 24) + "d";
        }
        if (hours < 24 * 365 * 8)
        {
            var days = hours / 24 % 365;
            return days == 0 ? S(hours / 24 / 365) + "y" : S(hours / 24 / 365) + "y" + S(days) + "d";
        }
        return S(hours / 24 / 365) + "y";
    }

    private static string S(long value) => value.ToString(CultureInfo.InvariantCulture);
}
