using System.Collections;
using System.Runtime.CompilerServices;
using Barge.Expressions.Evaluation;

namespace Barge.Expressions.Builtins;

/// <summary>List and map builtins: <c>len first last get take keys values toPairs fromPairs reverse uniq concat flatten sort</c>.</summary>
internal static class CollectionBuiltins
{
    public static void Register(List<BuiltinFunction> all)
    {
        all.Add(new("len", 1, 1, static (a, _) => a[0] switch
        {
            string s => Boxes.Int(RuneCount(s)),
            IList l when a[0] is not IDictionary => Boxes.Int(l.Count),
            var v when Values.IsMap(v) => Boxes.Int(Values.MapCount(v!)),
            var v => throw new EvalError($"invalid argument for len (type {Values.TypeName(v)})"),
        }));
        all.Add(new("first", 1, 1, static (a, _) =>
        {
            var list = Args.List("first", a[0]);
            return list.Count == 0 ? null : Args.Item(list, 0);
        }));
        all.Add(new("last", 1, 1, static (a, _) =>
        {
            var list = Args.List("last", a[0]);
            return list.Count == 0 ? null : Args.Item(list, list.Count - 1);
        }));
        all.Add(new("get", 2, 2, static (a, _) => Access.TryFetch(a[0], a[1])));
        all.Add(new("take", 2, 2, static (a, f) =>
        {
            var list = Args.List("take", a[0]);
            var n = Args.Int("take", a[1]);
            if (n < 0)
            {
                throw new EvalError("invalid argument for take: negative count");
            }
            var count = (int)Math.Min(n, list.Count);
            f.Allocate(count);
            var result = new object?[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = list[i];
            }
            return result;
        }));
        all.Add(new("keys", 1, 1, static (a, f) => Pairs("keys", a[0], f, p => p.Key)));
        all.Add(new("values", 1, 1, static (a, f) => Pairs("values", a[0], f, p => p.Value)));
        all.Add(new("toPairs", 1, 1, static (a, f) => Pairs("toPairs", a[0], f, p => new FixedPair(p.Key, p.Value))));
        all.Add(new("fromPairs", 1, 1, static (a, f) => FromPairs(Args.List("fromPairs", a[0]), f)));
        all.Add(new("reverse", 1, 1, static (a, f) =>
        {
            var list = Args.List("reverse", a[0]);
            f.Allocate(list.Count);
            var result = new object?[list.Count];
            for (var i = 0; i < list.Count; i++)
            {
                result[i] = list[list.Count - 1 - i];
            }
            return result;
        }));
        all.Add(new("uniq", 1, 1, static (a, f) => Uniq(Args.List("uniq", a[0]), f)));
        all.Add(new("concat", 1, int.MaxValue, static (a, f) =>
        {
            var result = new List<object?>();
            foreach (var item in a)
            {
                var list = Args.List("concat", item);
                f.Allocate(list.Count);
                foreach (var element in list)
                {
                    result.Add(element);
                }
            }
            return result.ToArray();
        }));
        all.Add(new("flatten", 1, 1, static (a, f) =>
        {
            var result = new List<object?>();
            Flatten(Args.List("flatten", a[0]), result, f, 0);
            return result.ToArray();
        }));
        all.Add(new("sort", 1, 2, static (a, f) => Sort(a, f)));
    }

    internal static int RuneCount(string s)
    {
        var count = 0;
        foreach (var _ in s.EnumerateRunes())
        {
            count++;
        }
        return count;
    }

    private static object?[] Pairs(string name, object? map, Frame frame, Func<KeyValuePair<object?, object?>, object?> select)
    {
        var m = Args.Map(name, map);
        var result = new List<object?>(Values.MapCount(m));
        foreach (var pair in Values.MapEntries(m))
        {
            result.Add(select(pair));
        }
        frame.Allocate(result.Count);
        return result.ToArray();
    }

    private static AnyKeyMap FromPairs(IList pairs, Frame frame)
    {
        var map = new AnyKeyMap();
        frame.Allocate(pairs.Count);
        foreach (var item in pairs)
        {
            if (Values.Normalize(item) is not IList pair || pair.Count != 2)
            {
                throw new EvalError("invalid argument for fromPairs: each pair must be an array of two items");
            }
            var key = Values.Normalize(pair[0]);
            if (key is IList || Values.IsMap(key))
            {
                throw new EvalError($"invalid argument for fromPairs: key of type {Values.TypeName(key)} is not comparable");
            }
            map[AnyKeyMap.ToKey(key)] = Values.Normalize(pair[1]);
        }
        return map;
    }

    private static object?[] Uniq(IList list, Frame frame)
    {
        var result = new List<object?>();
        foreach (var raw in list)
        {
            frame.Step();
            var item = Values.Normalize(raw);
            var seen = false;
            foreach (var kept in result)
            {
                frame.Step();
                if (Equality.Equal(kept, item))
                {
                    seen = true;
                    break;
                }
            }
            if (!seen)
            {
                result.Add(item);
            }
        }
        frame.Allocate(result.Count);
        return result.ToArray();
    }

    private static void Flatten(IList list, List<object?> into, Frame frame, int depth)
    {
        if (depth > 10_000 || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new EvalError("flatten: arrays are nested too deeply");
        }
        foreach (var raw in list)
        {
            var item = Values.Normalize(raw);
            if (item is IList inner && item is not IDictionary)
            {
                Flatten(inner, into, frame, depth + 1);
            }
            else
            {
                frame.Allocate(1);
                into.Add(item);
            }
        }
    }

    private static object?[] Sort(ReadOnlySpan<object?> a, Frame frame)
    {
        var list = Args.List("sort", a[0]);
        var descending = a.Length > 1 && Order("sort", a[1]);
        var items = new object?[list.Count];
        frame.Allocate(items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Values.Normalize(list[i]);
            frame.Step();
        }
        var allNumbers = true;
        var allStrings = true;
        foreach (var item in items)
        {
            allNumbers &= Values.IsNumber(item);
            allStrings &= item is string;
        }
        if (items.Length > 0 && !allNumbers && !allStrings)
        {
            var bad = items.FirstOrDefault(i => !Values.IsNumber(i) && i is not string);
            throw new EvalError($"invalid argument for sort: cannot sort values of type {Values.TypeName(bad ?? items.FirstOrDefault(i => i is string))}");
        }
        if (items.All(static i => i is long))
        {
            // Sorting by primitive keys is several times faster than through a comparer.
            var keys = new long[items.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = (long)items[i]!;
            }
            Array.Sort(keys, items);
            if (descending)
            {
                Array.Reverse(items);
            }
            return items;
        }
        Array.Sort(items, allNumbers ? (descending ? DescendingNumbers : AscendingNumbers) : (descending ? DescendingStrings : AscendingStrings));
        return items;
    }

    private static readonly Comparer<object?> AscendingNumbers = Comparer<object?>.Create(static (x, y) => CompareNumbers(x!, y!));
    private static readonly Comparer<object?> DescendingNumbers = Comparer<object?>.Create(static (x, y) => CompareNumbers(y!, x!));
    private static readonly Comparer<object?> AscendingStrings = Comparer<object?>.Create(static (x, y) => Ordering.CompareStrings((string)x!, (string)y!));
    private static readonly Comparer<object?> DescendingStrings = Comparer<object?>.Create(static (x, y) => Ordering.CompareStrings((string)y!, (string)x!));

    private static int CompareNumbers(object x, object y) =>
        x is long a && y is long b ? a.CompareTo(b) : Values.ToDouble(x).CompareTo(Values.ToDouble(y));

    /// <summary>The order argument of <c>sort</c>/<c>sortBy</c>: exactly "asc" or "desc"; true for descending.</summary>
    internal static bool Order(string name, object? value) => value switch
    {
        "asc" => false,
        "desc" => true,
        _ => throw new EvalError($"invalid argument for {name}: unknown order {Values.TypeName(value)}, use asc or desc"),
    };
}
