using System.Collections;
using System.Globalization;
using System.Text;

namespace Barge.Expressions.Evaluation;

/// <summary>
/// expr's "fetch" rules for <c>x.name</c> and <c>x[key]</c>, and slicing: missing map keys are
/// nil, list indexes may be negative and fail when out of range, host objects expose properties.
/// </summary>
internal static class Access
{
    public static object? Fetch(object? target, object? key)
    {
        switch (target)
        {
            case null:
                throw new EvalError($"cannot fetch {Describe(key)} from <nil>");
            case IReadOnlyDictionary<string, object?> map:
                if (key is string s)
                {
                    return map.TryGetValue(s, out var v) ? Values.Normalize(v) : null;
                }
                return Values.MapGet(map, key, -1);
            case IList list when target is not IDictionary:
                return list[Index(list.Count, key, target)] is var item ? Values.Normalize(item) : null;
            case string text:
                if (key is long or double)
                {
                    var bytes = Encoding.UTF8.GetBytes(text);
                    return Boxes.Int(bytes[Index(bytes.Length, key, target)]);
                }
                throw new EvalError($"cannot fetch {Describe(key)} from string");
            default:
                if (Values.IsMap(target))
                {
                    return Values.MapGet(target, key, -1);
                }
                if (target is long or double or bool)
                {
                    throw new EvalError($"cannot fetch {Describe(key)} from {Values.TypeName(target)}");
                }
                if (key is string name && HostProperties.TryGet(target, name, out var value))
                {
                    return value;
                }
                throw new EvalError($"cannot fetch {Describe(key)} from {Values.TypeName(target)}");
        }
    }

    /// <summary>Like <see cref="Fetch"/> but nil instead of an error (<c>get()</c>).</summary>
    public static object? TryFetch(object? target, object? key)
    {
        switch (target)
        {
            case null:
                return null;
            case IList list when target is not IDictionary:
                if (key is not (long or double))
                {
                    return null;
                }
                var i = key is long l ? l : (long)(double)key;
                if (i < 0)
                {
                    i += list.Count;
                }
                return i >= 0 && i < list.Count ? Values.Normalize(list[(int)i]) : null;
            default:
                if (Values.IsMap(target))
                {
                    return key is string || target is AnyKeyMap ? Values.MapGet(target, key, -1) : null;
                }
                if (key is string name && target is not (string or long or double or bool) && HostProperties.TryGet(target, name, out var value))
                {
                    return value;
                }
                return null;
        }
    }

    private static int Index(int count, object? key, object target)
    {
        long i = key switch
        {
            long l => l,
            double d => (long)d,
            _ => throw new EvalError($"cannot fetch {Describe(key)} from {Values.TypeName(target)}"),
        };
        var original = i;
        if (i < 0)
        {
            i += count;
        }
        if (i < 0 || i >= count)
        {
            throw new EvalError(string.Create(CultureInfo.InvariantCulture, $"index out of range: {original} (array length is {count})"));
        }
        return (int)i;
    }

    public static object? Slice(object? target, object? from, object? to, Frame frame)
    {
        switch (target)
        {
            case IList list when target is not IDictionary:
                var (a, b) = Bounds(list.Count, from, to);
                var result = new object?[b - a];
                frame.Allocate(result.Length);
                for (var i = a; i < b; i++)
                {
                    result[i - a] = list[i];
                }
                return result;
            case string text:
                var bytes = Encoding.UTF8.GetBytes(text);
                var (x, y) = Bounds(bytes.Length, from, to);
                return Encoding.UTF8.GetString(bytes, x, y - x);
            default:
                throw new EvalError($"cannot slice {Values.TypeName(target)}");
        }
    }

    private static (int From, int To) Bounds(int count, object? from, object? to)
    {
        var a = from is null ? 0 : Bound(from, count);
        var b = to is null ? count : Bound(to, count);
        if (a > b)
        {
            a = b;
        }
        return (a, b);
    }

    private static int Bound(object value, int count)
    {
        long i = value switch
        {
            long l => l,
            double d => (long)d,
            _ => throw new EvalError($"non-integer slice index {Values.TypeName(value)}"),
        };
        if (i < 0)
        {
            i += count;
        }
        return (int)Math.Clamp(i, 0, count);
    }

    private static string Describe(object? key) => key switch
    {
        string s => s,
        null => "<nil>",
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => Values.TypeName(key),
    };
}
