using Barge.Expressions.Evaluation;
using Barge.Expressions.Formatting;

namespace Barge.Expressions.Builtins;

/// <summary><c>now duration date timezone</c>; times are <see cref="DateTimeOffset"/>, durations <see cref="TimeSpan"/>.</summary>
internal static class TimeBuiltins
{
    private static readonly string[] DefaultLayouts =
    [
        "2006-01-02", "15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04:05Z07:00",
        "02 Jan 06 15:04 MST", "Monday, 02-Jan-06 15:04:05 MST", "Mon, 02 Jan 2006 15:04:05 MST",
    ];

    public static void Register(List<BuiltinFunction> all)
    {
        all.Add(new("now", 0, 0, static (_, f) => f.Time.GetUtcNow()));
        all.Add(new("duration", 1, 1, static (a, _) => GoTime.ParseDuration(Args.String("duration", a[0]))));
        all.Add(new("timezone", 1, 1, static (a, _) => Zone(Args.String("timezone", a[0]))));
        all.Add(new("date", 1, 3, static (a, _) => Date(a)));
    }

    private static object Date(ReadOnlySpan<object?> a)
    {
        var text = Args.String("date", a[0]);
        var zone = a.Length > 2 ? ZoneInfo(Args.String("date", a[2])) : TimeZoneInfo.Utc;
        if (a.Length > 1)
        {
            return GoTime.Parse(text, Args.String("date", a[1]), zone);
        }
        foreach (var layout in DefaultLayouts)
        {
            try
            {
                return GoTime.Parse(text, layout, zone);
            }
            catch (EvalError)
            {
                // try the next layout, as expr does
            }
        }
        throw new EvalError("invalid date " + GoQuoting.Quote(text));
    }

    private static TimeZoneInfo Zone(string name) => ZoneInfo(name);

    internal static TimeZoneInfo ZoneInfo(string name)
    {
        if (name is "UTC" or "")
        {
            return TimeZoneInfo.Utc;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new EvalError("unknown time zone " + name);
        }
    }
}
