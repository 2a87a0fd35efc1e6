using System.Collections;
using Barge.Expressions.Builtins;
using Barge.Expressions.Syntax;

namespace Barge.Expressions.Evaluation;

internal sealed partial class Compiler
{
    private Eval CompilePredicateCall(CallNode node) => CompilePredicateCall(node, node.Name);

    private Eval CompilePredicateCall(CallNode node, string name)
    {
        var args = node.Arguments;
        if (args.Count < 1)
        {
            throw new SyntaxError($"not enough arguments to call {name}", node.Position);
        }
        var collection = Compile(args[0]);
        var position = node.Position;
        Eval? predicate = null;
        PredicateScope? scope = null;
        if (args.Count > 1)
        {
            if (args[1] is not PredicateNode p)
            {
                throw new SyntaxError($"{name}: the second argument must be a predicate", args[1].Position);
            }
            scope = new PredicateScope(NewSlot(), NewSlot(), NewSlot(), AllowsIndex: node.Name is "map" or "reduce", AllowsAccumulator: node.Name == "reduce");
            _predicates.Add(scope);
            predicate = Compile(p.Body);
            _predicates.RemoveAt(_predicates.Count - 1);
        }
        var extra = args.Count > 2 ? Compile(args[2]) : null;
        if (args.Count > 3)
        {
            throw new SyntaxError($"too many arguments to call {name}", node.Position);
        }
        if (predicate is null && name is not ("count" or "sum"))
        {
            throw new SyntaxError($"not enough arguments to call {name}", node.Position);
        }
        Eval loop = name switch
        {
            "all" => f => Boxes.Bool(Scan(f, collection(f), scope!, predicate!, name, position, stopOn: false, ifStopped: false, otherwise: true)),
            "none" => f => Boxes.Bool(Scan(f, collection(f), scope!, predicate!, name, position, stopOn: true, ifStopped: false, otherwise: true)),
            "any" => f => Boxes.Bool(Scan(f, collection(f), scope!, predicate!, name, position, stopOn: true, ifStopped: true, otherwise: false)),
            "one" => f => Boxes.Bool(CountMatches(f, collection(f), scope!, predicate!, name, position, limit: 2) == 1),
            "count" when predicate is null => f => Boxes.Int(CountTrue(f, collection(f), name, position)),
            "count" => f => Boxes.Int(CountMatches(f, collection(f), scope!, predicate!, name, position, limit: long.MaxValue)),
            "filter" => f => Filter(f, collection(f), scope!, predicate!, name, position),
            "map" => f => Map(f, collection(f), scope!, predicate!, name, position),
            "find" => f => Find(f, collection(f), scope!, predicate!, name, position, fromEnd: false, wantIndex: false),
            "findIndex" => f => Find(f, collection(f), scope!, predicate!, name, position, fromEnd: false, wantIndex: true),
            "findLast" => f => Find(f, collection(f), scope!, predicate!, name, position, fromEnd: true, wantIndex: false),
            "findLastIndex" => f => Find(f, collection(f), scope!, predicate!, name, position, fromEnd: true, wantIndex: true),
            "$filterFirst" => f => FindOrFail(f, collection(f), scope!, predicate!, position, fromEnd: false),
            "$filterLast" => f => FindOrFail(f, collection(f), scope!, predicate!, position, fromEnd: true),
            "sum" => f => Sum(f, collection(f), scope, predicate, name, position),
            "groupBy" => f => GroupBy(f, collection(f), scope!, predicate!, name, position),
            "sortBy" => f => SortBy(f, collection(f), scope!, predicate!, extra?.Invoke(f), extra is not null, name, position),
            "reduce" => f => Reduce(f, collection(f), scope!, predicate!, extra, name, position),
            _ => throw new SyntaxError("unknown predicate builtin " + name, position),
        };
        return f =>
        {
            try
            {
                return loop(f);
            }
            catch (EvalError e) when (e.Position < 0)
            {
                throw e.At(position);
            }
        };
    }

    private static IList Items(object? collection, string name) => collection is IList list && !Values.IsMap(collection)
        ? list
        : throw new EvalError($"cannot iterate over {Values.TypeName(collection)} in {name}");

    private static object? Visit(Frame f, IList list, int i, PredicateScope scope, Eval predicate)
    {
        f.Step();
        f.Slots[scope.ElementSlot] = Values.Normalize(list[i]);
        if (scope.AllowsIndex)
        {
            f.Slots[scope.IndexSlot] = Boxes.Int(i);
        }
        return predicate(f);
    }

    private static bool Test(Frame f, IList list, int i, PredicateScope scope, Eval predicate, int position) =>
        Visit(f, list, i, scope, predicate) switch
        {
            bool b => b,
            var v => throw new EvalError($"predicate must return bool, got {Values.TypeName(v)}", position),
        };

    private static bool Scan(Frame f, object? collection, PredicateScope scope, Eval predicate, string name, int position, bool stopOn, bool ifStopped, bool otherwise)
    {
        var list = Items(collection, name);
        for (var i = 0; i < list.Count; i++)
        {
            if (Test(f, list, i, scope, predicate, position) == stopOn)
            {
                return ifStopped;
            }
        }
        return otherwise;
    }

    private static long CountMatches(Frame f, object? collection, PredicateScope scope, Eval predicate, string name, int position, long limit)
    {
        var list = Items(collection, name);
        long count = 0;
        for (var i = 0; i < list.Count && count < limit; i++)
        {
            if (Test(f, list, i, scope, predicate, position))
            {
                count++;
            }
        }
        return count;
    }

    private static long CountTrue(Frame f, object? collection, string name, int position)
    {
        var list = Items(collection, name);
        long count = 0;
        for (var i = 0; i < list.Count; i++)
        {
            f.Step();
            switch (Values.Normalize(list[i]))
            {
                case true:
                    count++;
                    break;
                case false:
                    break;
                case var v:
                    throw new EvalError($"count: element {i} is {Values.TypeName(v)}, not bool", position);
            }
        }
        return count;
    }

    private static object Filter(Frame f, object? collection, PredicateScope scope, Eval predicate, string name, int position)
    {
        var list = Items(collection, name);
        var result = new List<object?>();
        for (var i = 0; i < list.Count; i++)
        {
            if (Test(f, list, i, scope, predicate, position))
            {
                f.Allocate(1);
                result.Add(f.Slots[scope.ElementSlot]);
            }
        }
        return result;
    }

    private static object Map(Frame f, object? collection, PredicateScope scope, Eval predicate, string name, int position)
    {
        var list = Items(collection, name);
        f.Allocate(list.Count);
        var result = new object?[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            result[i] = Visit(f, list, i, scope, predicate);
        }
        return result;
    }

    private static object? Find(Frame f, object? collection, PredicateScope scope, Eval predicate, string name, int position, bool fromEnd, bool wantIndex)
    {
        var list = Items(collection, name);
        for (var k = 0; k < list.Count; k++)
        {
            var i = fromEnd ? list.Count - 1 - k : k;
            if (Test(f, list, i, scope, predicate, position))
            {
                return wantIndex ? Boxes.Int(i) : f.Slots[scope.ElementSlot];
            }
        }
        return null;
    }

    /// <summary><c>filter(xs, p)[0]</c> / <c>[-1]</c> without building the filtered list (expr's optimiser does the same).</summary>
    private static object? FindOrFail(Frame f, object? collection, PredicateScope scope, Eval predicate, int position, bool fromEnd)
    {
        var list = Items(collection, "filter");
        for (var k = 0; k < list.Count; k++)
        {
            var i = fromEnd ? list.Count - 1 - k : k;
            if (Test(f, list, i, scope, predicate, position))
            {
                return f.Slots[scope.ElementSlot];
            }
        }
        throw new EvalError(fromEnd ? "index out of range: -1 (array length is 0)" : "index out of range: 0 (array length is 0)", position);
    }

    private static object Sum(Frame f, object? collection, PredicateScope? scope, Eval? predicate, string name, int position)
    {
        var list = Items(collection, name);
        object total = Boxes.Int(0);
        for (var i = 0; i < list.Count; i++)
        {
            object? item;
            if (predicate is null)
            {
                f.Step();
                item = Values.Normalize(list[i]);
            }
            else
            {
                item = Visit(f, list, i, scope!, predicate);
            }
            if (item is not (long or double))
            {
                throw new EvalError($"sum: invalid operation: {Values.TypeName(total)} + {Values.TypeName(item)}", position);
            }
            total = Arithmetic.Add(total, item, f);
        }
        return total;
    }

    private static object GroupBy(Frame f, object? collection, PredicateScope scope, Eval predicate, string name, int position)
    {
        var list = Items(collection, name);
        var groups = new AnyKeyMap();
        for (var i = 0; i < list.Count; i++)
        {
            var key = Visit(f, list, i, scope, predicate);
            if (key is IList || Values.IsMap(key))
            {
                throw new EvalError($"groupBy: key of type {Values.TypeName(key)} is not comparable", position);
            }
            var slot = AnyKeyMap.ToKey(key);
            if (!groups.TryGetValue(slot, out var group))
            {
                group = new List<object?>();
                groups[slot] = group;
            }
            f.Allocate(1);
            ((List<object?>)group!).Add(f.Slots[scope.ElementSlot]);
        }
        return groups;
    }

    private static object SortBy(Frame f, object? collection, PredicateScope scope, Eval predicate, object? order, bool hasOrder, string name, int position)
    {
        var list = Items(collection, name);
        var descending = hasOrder && CollectionBuiltins.Order("sortBy", order);
        var keyed = new (object? Key, object? Item)[list.Count];
        f.Allocate(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            keyed[i] = (Visit(f, list, i, scope, predicate), f.Slots[scope.ElementSlot]);
        }
        if (keyed.Length > 1)
        {
            var first = keyed[0].Key;
            foreach (var (key, _) in keyed)
            {
                // Validates every pair up front: a comparer that throws mid-sort would be wrapped.
                Ordering.Compare(first, key, "<");
            }
        }
        var keys = new object?[keyed.Length];
        var items = new object?[keyed.Length];
        for (var i = 0; i < keyed.Length; i++)
        {
            keys[i] = keyed[i].Key;
            items[i] = keyed[i].Item;
        }
        if (keys.All(static k => k is long))
        {
            var primitive = Array.ConvertAll(keys, static k => (long)k!);
            Array.Sort(primitive, items);
            if (descending)
            {
                Array.Reverse(items);
            }
            return items;
        }
        Array.Sort(keys, items, descending ? DescendingKeys : AscendingKeys);
        return items;
    }

    private static readonly Comparer<object?> AscendingKeys = Comparer<object?>.Create(static (x, y) => CompareKeys(x, y));
    private static readonly Comparer<object?> DescendingKeys = Comparer<object?>.Create(static (x, y) => CompareKeys(y, x));

    private static int CompareKeys(object? x, object? y) =>
        x is long a && y is long b ? a.CompareTo(b) : Ordering.Compare(x, y, "<") ?? 0;

    private static object? Reduce(Frame f, object? collection, PredicateScope scope, Eval predicate, Eval? initial, string name, int position)
    {
        var list = Items(collection, name);
        var start = 0;
        object? acc;
        if (initial is not null)
        {
            acc = initial(f);
        }
        else
        {
            if (list.Count == 0)
            {
                throw new EvalError("reduce of empty array with no initial value", position);
            }
            acc = Values.Normalize(list[0]);
            start = 1;
        }
        for (var i = start; i < list.Count; i++)
        {
            f.Slots[scope.AccumulatorSlot] = acc;
            acc = Visit(f, list, i, scope, predicate);
        }
        return acc;
    }
}
