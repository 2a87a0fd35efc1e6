namespace Barge.Expressions.Evaluation;

/// <summary>
/// expr's arithmetic: ints are 64-bit and wrap, <c>/</c> and <c>**</c> always give floats, <c>%</c>
/// is ints only, strings concatenate with <c>+</c>, times and durations combine as in Go.
/// </summary>
internal static class Arithmetic
{
    public static object Add(object? a, object? b, Frame frame)
    {
        switch (a)
        {
            case long x when b is long y:
                return Boxes.Int(unchecked(x + y));
            case long x when b is double y:
                return x + y;
            case double x when b is long y:
                return x + y;
            case double x when b is double y:
                return x + y;
            case string x when b is string y:
                var joined = string.Concat(x, y);
                frame.CountString(joined.Length);
                return joined;
            case DateTimeOffset t when b is TimeSpan d:
                return t + d;
            case TimeSpan d when b is DateTimeOffset t:
                return t + d;
            case TimeSpan x when b is TimeSpan y:
                return x + y;
            default:
                throw Invalid(a, "+", b);
        }
    }

    public static object Subtract(object? a, object? b)
    {
        return a switch
        {
            long x when b is long y => Boxes.Int(unchecked(x - y)),
            long x when b is double y => x - y,
            double x when b is long y => x - y,
            double x when b is double y => x - y,
            DateTimeOffset x when b is DateTimeOffset y => x - y,
            DateTimeOffset x when b is TimeSpan y => x - y,
            TimeSpan x when b is TimeSpan y => x - y,
            _ => throw Invalid(a, "-", b),
        };
    }

    public static object Multiply(object? a, object? b)
    {
        return a switch
        {
            long x when b is long y => Boxes.Int(unchecked(x * y)),
            long x when b is double y => x * y,
            double x when b is long y => x * y,
            double x when b is double y => x * y,
            TimeSpan d when b is long n => TimeSpan.FromTicks(unchecked(d.Ticks * n)),
            long n when b is TimeSpan d => TimeSpan.FromTicks(unchecked(d.Ticks * n)),
            TimeSpan d when b is double f => d.Ticks * 100.0 * f,
            double f when b is TimeSpan d => d.Ticks * 100.0 * f,
            _ => throw Invalid(a, "*", b),
        };
    }

    public static object Divide(object? a, object? b)
    {
        if (Values.IsNumber(a) && Values.IsNumber(b))
        {
            return Values.ToDouble(a!) / Values.ToDouble(b!);
        }
        throw Invalid(a, "/", b);
    }

    public static object Modulo(object? a, object? b)
    {
        if (a is long x && b is long y)
        {
            if (y == 0)
            {
                throw new EvalError("integer divide by zero");
            }
            return y == -1 ? Boxes.Int(0) : Boxes.Int(x % y);
        }
        throw Invalid(a, "%", b);
    }

    public static object Power(object? a, object? b)
    {
        if (Values.IsNumber(a) && Values.IsNumber(b))
        {
            return Math.Pow(Values.ToDouble(a!), Values.ToDouble(b!));
        }
        throw Invalid(a, "**", b);
    }

    public static object Negate(object? a) => a switch
    {
        long x => Boxes.Int(unchecked(-x)),
        double x => -x,
        TimeSpan d => d.Negate(),
        _ => throw new EvalError($"invalid operation: - {Values.TypeName(a)}"),
    };

    public static object Plus(object? a) => a switch
    {
        long or double or TimeSpan => a,
        _ => throw new EvalError($"invalid operation: + {Values.TypeName(a)}"),
    };

    public static EvalError Invalid(object? a, string op, object? b) =>
        new($"invalid operation: {Values.TypeName(a)} {op} {Values.TypeName(b)}");
}
