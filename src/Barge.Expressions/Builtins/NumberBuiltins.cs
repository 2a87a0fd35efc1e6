using System.Collections;
using System.Runtime.CompilerServices;
using Barge.Expressions.Evaluation;

namespace Barge.Expressions.Builtins;

/// <summary>Number builtins: <c>abs</c>, rounding, <c>max/min/mean/median</c> over nested lists, bit operations.</summary>
internal static class NumberBuiltins
{
    private const int MaxNesting = 10_000;

    public static void Register(List<BuiltinFunction> all)
    {
        all.Add(new("abs", 1, 1, static (a, _) => a[0] switch
        {
            long l => Boxes.Int(l < 0 ? unchecked(-l) : l),
            double d => Math.Abs(d),
            var v => throw new EvalError($"invalid argument for abs (type {Values.TypeName(v)})"),
        }));
        all.Add(new("ceil", 1, 1, static (a, _) => Math.Ceiling(Args.Number("ceil", a[0]))));
        all.Add(new("floor", 1, 1, static (a, _) => Math.Floor(Args.Number("floor", a[0]))));
        all.Add(new("round", 1, 1, static (a, _) => Math.Round(Args.Number("round", a[0]), MidpointRounding.AwayFromZero)));
        all.Add(new("max", 1, int.MaxValue, static (a, f) => Extreme("max", a, f, wantMax: true)));
        all.Add(new("min", 1, int.MaxValue, static (a, f) => Extreme("min", a, f, wantMax: false)));
        all.Add(new("mean", 1, int.MaxValue, static (a, f) =>
        {
            if (a.Length == 1 && a[0] is IList flat && !Values.IsMap(a[0]) && flat.Count > 0)
            {
                var total = 0.0;
                var allNumbers = true;
                for (var i = 0; i < flat.Count && allNumbers; i++)
                {
                    f.Step();
                    switch (flat[i])
                    {
                        case long l:
                            total += l;
                            break;
                        case double d:
                            total += d;
                            break;
                        default:
                            allNumbers = false;
                            break;
                    }
                }
                if (allNumbers)
                {
                    return total / flat.Count;
                }
            }
            var numbers = Flatten("mean", a, f);
            if (numbers.Count == 0)
            {
                return Boxes.ZeroFloat;
            }
            var sum = 0.0;
            foreach (var n in numbers)
            {
                sum += Values.ToDouble(n);
            }
            return sum / numbers.Count;
        }));
        all.Add(new("median", 1, int.MaxValue, static (a, f) =>
        {
            var collected = Flatten("median", a, f);
            if (collected.Count == 0)
            {
                return Boxes.ZeroFloat;
            }
            var numbers = new double[collected.Count];
            for (var i = 0; i < numbers.Length; i++)
            {
                numbers[i] = Values.ToDouble(collected[i]);
            }
            Array.Sort(numbers);
            var mid = numbers.Length / 2;
            return numbers.Length % 2 == 1 ? numbers[mid] : (numbers[mid - 1] + numbers[mid]) / 2;
        }));
        all.Add(new("bitand", 2, 2, static (a, _) => Boxes.Int(Args.Int("bitand", a[0]) & Args.Int("bitand", a[1]))));
        all.Add(new("bitor", 2, 2, static (a, _) => Boxes.Int(Args.Int("bitor", a[0]) | Args.Int("bitor", a[1]))));
        all.Add(new("bitxor", 2, 2, static (a, _) => Boxes.Int(Args.Int("bitxor", a[0]) ^ Args.Int("bitxor", a[1]))));
        all.Add(new("bitnand", 2, 2, static (a, _) => Boxes.Int(Args.Int("bitnand", a[0]) & ~Args.Int("bitnand", a[1]))));
        all.Add(new("bitnot", 1, 1, static (a, _) => Boxes.Int(~Args.Int("bitnot", a[0]))));
        all.Add(new("bitshl", 2, 2, static (a, _) => Boxes.Int(Shift("bitshl", a, (x, n) => n >= 64 ? 0 : x << (int)n))));
        all.Add(new("bitshr", 2, 2, static (a, _) => Boxes.Int(Shift("bitshr", a, (x, n) => n >= 64 ? (x < 0 ? -1 : 0) : x >> (int)n))));
        all.Add(new("bitushr", 2, 2, static (a, _) => Boxes.Int(Shift("bitushr", a, (x, n) => n >= 64 ? 0 : (long)((ulong)x >> (int)n)))));
    }

    private static long Shift(string name, ReadOnlySpan<object?> a, Func<long, long, long> shift)
    {
        var x = Args.Int(name, a[0]);
        var n = Args.Int(name, a[1]);
        if (n < 0)
        {
            throw new EvalError($"invalid argument for {name}: negative shift count");
        }
        return shift(x, n);
    }

    private static object? Extreme(string name, ReadOnlySpan<object?> a, Frame frame, bool wantMax)
    {
        if (a.Length == 1 && a[0] is IList flat && !Values.IsMap(a[0]) && TryExtremeOfInts(flat, frame, wantMax, out var fast))
        {
            return fast;
        }
        object? best = null;
        foreach (var n in Flatten(name, a, frame))
        {
            if (best is null)
            {
                best = n;
                continue;
            }
            var c = Ordering.Compare(n, best, wantMax ? ">" : "<");
            if (c is { } order && (wantMax ? order > 0 : order < 0))
            {
                best = n;
            }
        }
        return best;
    }

    /// <summary>The common case of one flat list of ints, without collecting: returns false on anything else.</summary>
    private static bool TryExtremeOfInts(IList list, Frame frame, bool wantMax, out object? best)
    {
        best = null;
        long bestValue = 0;
        for (var i = 0; i < list.Count; i++)
        {
            frame.Step();
            if (list[i] is not long value)
            {
                best = null;
                return false;
            }
            if (best is null || (wantMax ? value > bestValue : value < bestValue))
            {
                best = list[i];
                bestValue = value;
            }
        }
        return true;
    }

    /// <summary>All numbers of the arguments, nested lists flattened; anything else is an error.</summary>
    internal static List<object> Flatten(string name, ReadOnlySpan<object?> a, Frame frame)
    {
        var result = new List<object>();
        foreach (var item in a)
        {
            Collect(name, item, result, frame, 0);
        }
        return result;
    }

    private static void Collect(string name, object? value, List<object> into, Frame frame, int depth)
    {
        if (depth > MaxNesting || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new EvalError($"{name}: arrays are nested too deeply");
        }
        switch (value)
        {
            case long or double:
                frame.Step();
                into.Add(value);
                break;
            case IList list when value is not IDictionary:
                foreach (var item in list)
                {
                    Collect(name, Values.Normalize(item), into, frame, depth + 1);
                }
                break;
            default:
                throw new EvalError($"invalid argument for {name} (type {Values.TypeName(value)})");
        }
    }
}
