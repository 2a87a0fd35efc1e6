namespace Barge.Expressions.Evaluation;

/// <summary><c>&lt; &gt; &lt;= &gt;=</c> over numbers, strings (byte order), times and durations.</summary>
internal static class Ordering
{
    /// <summary>Compares two orderable values; NaN makes every ordering false (returns null).</summary>
    public static int? Compare(object? a, object? b, string op)
    {
        switch (a)
        {
            case long x when b is long y:
                return x.CompareTo(y);
            case long x when b is double y:
                return double.IsNaN(y) ? null : ((double)x).CompareTo(y);
            case double x when b is long y:
                return double.IsNaN(x) ? null : x.CompareTo(y);
            case double x when b is double y:
                return double.IsNaN(x) || double.IsNaN(y) ? null : x.CompareTo(y);
            case string x when b is string y:
                return CompareStrings(x, y);
            case DateTimeOffset x when b is DateTimeOffset y:
                return x.UtcTicks.CompareTo(y.UtcTicks);
            case TimeSpan x when b is TimeSpan y:
                return x.CompareTo(y);
            default:
                throw Arithmetic.Invalid(a, op, b);
        }
    }

    public static bool Apply(object? a, object? b, string op)
    {
        var c = Compare(a, b, op);
        if (c is null)
        {
            return false;
        }
        return op switch
        {
            "<" => c < 0,
            ">" => c > 0,
            "<=" => c <= 0,
            _ => c >= 0,
        };
    }

    /// <summary>Orders strings by their UTF-8 bytes, as Go does (code point order).</summary>
    public static int CompareStrings(string x, string y)
    {
        var n = Math.Min(x.Length, y.Length);
        for (var i = 0; i < n; i++)
        {
            var cx = x[i];
            var cy = y[i];
            if (cx == cy)
            {
                continue;
            }
            // Surrogates (code points above U+FFFF) sort after U+E000..U+FFFF in UTF-8.
            var sx = char.IsSurrogate(cx);
            var sy = char.IsSurrogate(cy);
            if (sx != sy && (cx >= 0xE000 || cy >= 0xE000))
            {
                return sx ? 1 : -1;
            }
            return cx < cy ? -1 : 1;
        }
        return x.Length.CompareTo(y.Length);
    }
}
