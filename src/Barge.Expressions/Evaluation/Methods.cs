using System.Collections.Concurrent;
using System.Reflection;
using Barge.Expressions.Builtins;
using Barge.Expressions.Formatting;

namespace Barge.Expressions.Evaluation;

/// <summary>
/// Method calls on values: Go's time and duration methods (<c>.Year()</c>, <c>.Format(layout)</c>,
/// <c>.Hours()</c>…) and public methods of host objects, matched by name and argument count.
/// </summary>
internal static class Methods
{
    private static readonly ConcurrentDictionary<(Type, string, int), MethodInfo?> HostMethods = new();

    public static object? Call(object? target, string name, object?[] args)
    {
        switch (target)
        {
            case null:
                throw new EvalError($"cannot call method {name} of <nil>");
            case DateTimeOffset t:
                return TimeMethod(t, name, args);
            case TimeSpan d:
                return DurationMethod(d, name, args);
            case TimeZoneInfo zone when name == "String" && args.Length == 0:
                return zone.Id;
            case string or long or double or bool:
                throw new EvalError($"type {Values.TypeName(target)} has no method {name}");
            default:
                if (Values.IsMap(target))
                {
                    throw new EvalError($"cannot call {name}: {Values.TypeName(target)} has no methods");
                }
                return HostMethod(target, name, args);
        }
    }

    private static object? TimeMethod(DateTimeOffset t, string name, object?[] a)
    {
        return (name, a.Length) switch
        {
            ("Year", 0) => Boxes.Int(t.Year),
            ("Month", 0) => Boxes.Int(t.Month),
            ("Day", 0) => Boxes.Int(t.Day),
            ("Hour", 0) => Boxes.Int(t.Hour),
            ("Minute", 0) => Boxes.Int(t.Minute),
            ("Second", 0) => Boxes.Int(t.Second),
            ("Nanosecond", 0) => Boxes.Int(t.Ticks % TimeSpan.TicksPerSecond * 100),
            ("YearDay", 0) => Boxes.Int(t.DayOfYear),
            ("Weekday", 0) => t.DayOfWeek.ToString(),
            ("Unix", 0) => Boxes.Int(t.ToUnixTimeSeconds()),
            ("UnixMilli", 0) => Boxes.Int(t.ToUnixTimeMilliseconds()),
            ("UTC", 0) => t.ToUniversalTime(),
            ("Local", 0) => t,
            ("IsZero", 0) => Boxes.Bool(t.UtcTicks == DateTimeOffset.MinValue.UtcTicks),
            ("Format", 1) => GoTime.Format(t, Args.String("Format", a[0])),
            ("String", 0) => GoTime.FormatDefault(t),
            ("In", 1) => TimeZoneInfo.ConvertTime(t, a[0] as TimeZoneInfo ?? TimeBuiltins.ZoneInfo(Args.String("In", a[0]))),
            ("Sub", 1) when a[0] is DateTimeOffset u => t - u,
            ("Add", 1) when a[0] is TimeSpan d => t + d,
            ("AddDate", 3) => t.AddYears((int)Args.Int("AddDate", a[0])).AddMonths((int)Args.Int("AddDate", a[1])).AddDays(Args.Int("AddDate", a[2])),
            ("Before", 1) when a[0] is DateTimeOffset u => Boxes.Bool(t < u),
            ("After", 1) when a[0] is DateTimeOffset u => Boxes.Bool(t > u),
            ("Equal", 1) when a[0] is DateTimeOffset u => Boxes.Bool(t == u),
            ("Truncate", 1) when a[0] is TimeSpan d && d > TimeSpan.Zero => new DateTimeOffset(t.UtcTicks - (t.UtcTicks % d.Ticks), TimeSpan.Zero).ToOffset(t.Offset),
            _ => throw new EvalError($"type time.Time has no method {name} taking {a.Length} arguments"),
        };
    }

    private static object? DurationMethod(TimeSpan d, string name, object?[] a)
    {
        return (name, a.Length) switch
        {
            ("Hours", 0) => d.TotalHours,
            ("Minutes", 0) => d.TotalMinutes,
            ("Seconds", 0) => d.TotalSeconds,
            ("Milliseconds", 0) => Boxes.Int((long)d.TotalMilliseconds),
            ("Microseconds", 0) => Boxes.Int(d.Ticks / 10),
            ("Nanoseconds", 0) => Boxes.Int(d.Ticks * 100),
            ("String", 0) => GoTime.FormatDuration(d),
            ("Abs", 0) => d.Duration(),
            _ => throw new EvalError($"type time.Duration has no method {name} taking {a.Length} arguments"),
        };
    }

    private static object? HostMethod(object target, string name, object?[] args)
    {
        var method = HostMethods.GetOrAdd((target.GetType(), name, args.Length), static key =>
            key.Item1.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(m => m.Name == key.Item2 && m.GetParameters().Length == key.Item3 && !m.IsGenericMethodDefinition));
        if (method is null)
        {
            throw new EvalError($"type {Values.TypeName(target)} has no method {name} taking {args.Length} arguments");
        }
        var parameters = method.GetParameters();
        var converted = new object?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            converted[i] = ConvertArgument(args[i], parameters[i].ParameterType, name);
        }
        try
        {
            return Values.Normalize(method.Invoke(target, converted));
        }
        catch (TargetInvocationException e) when (e.InnerException is ExpressionFunctionException inner)
        {
            throw new EvalError($"{name}: {inner.Message}");
        }
    }

    private static object? ConvertArgument(object? value, Type type, string method)
    {
        if (value is null || type.IsInstanceOfType(value))
        {
            return value;
        }
        if (value is long l && (type == typeof(int) || type == typeof(double) || type == typeof(long)))
        {
            return type == typeof(int) ? (int)l : type == typeof(double) ? (double)l : l;
        }
        throw new EvalError($"{method}: cannot use {Values.TypeName(value)} as {type.Name}");
    }
}
