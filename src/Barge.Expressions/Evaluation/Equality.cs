using System.Collections;

namespace Barge.Expressions.Evaluation;

/// <summary>
/// expr's <c>==</c>: numbers compare by value across int and float, lists element by element with
/// the same rule, maps strictly (int 1 and float 1.0 differ there, as Go's DeepEqual), and values of
/// different kinds are simply unequal. Never fails.
/// </summary>
internal static class Equality
{
    public static bool Equal(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return a is not double d || !double.IsNaN(d);
        }
        switch (a)
        {
            case null:
                return false;
            case string xs2:
                return b is string ys2 && string.Equals(xs2, ys2, StringComparison.Ordinal);
            case long xl:
                return b switch
                {
                    long yl => xl == yl,
                    double yd => xl == yd,
                    _ => false,
                };
            case double xd:
                return b switch
                {
                    long yl => xd == yl,
                    double yd => xd == yd,
                    _ => false,
                };
            case bool xb:
                return b is bool yb && xb == yb;
            case DateTimeOffset xt:
                return b is DateTimeOffset yt && xt.UtcTicks == yt.UtcTicks;
            case TimeSpan xs:
                return b is TimeSpan ys && xs == ys;
            case IList xl2 when b is IList yl2 && a is not IDictionary && b is not IDictionary:
                if ((a is FixedPair) != (b is FixedPair) || xl2.Count != yl2.Count)
                {
                    return false;
                }
                for (var i = 0; i < xl2.Count; i++)
                {
                    if (!Equal(Values.Normalize(xl2[i]), Values.Normalize(yl2[i])))
                    {
                        return false;
                    }
                }
                return true;
            default:
                if (b is null)
                {
                    return false;
                }
                if (Values.IsMap(a) && Values.IsMap(b))
                {
                    return DeepEqual(a, b);
                }
                return a.Equals(b);
        }
    }

    /// <summary>Go's reflect.DeepEqual over run-time values: kinds must match exactly.</summary>
    public static bool DeepEqual(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }
        if (a is IList x && b is IList y && !Values.IsMap(a) && !Values.IsMap(b))
        {
            if (x.Count != y.Count)
            {
                return false;
            }
            for (var i = 0; i < x.Count; i++)
            {
                if (!DeepEqual(Values.Normalize(x[i]), Values.Normalize(y[i])))
                {
                    return false;
                }
            }
            return true;
        }
        if (Values.IsMap(a) && Values.IsMap(b))
        {
            if ((a is AnyKeyMap) != (b is AnyKeyMap) || Values.MapCount(a) != Values.MapCount(b))
            {
                return false;
            }
            foreach (var (key, value) in Values.MapEntries(a))
            {
                if (!Values.MapContains(b, key, -1) || !DeepEqual(value, Values.MapGet(b, key, -1)))
                {
                    return false;
                }
            }
            return true;
        }
        if (a.GetType() != b.GetType())
        {
            return false;
        }
        return a switch
        {
            double d => d == (double)b,
            _ => a.Equals(b),
        };
    }
}
