using Barge.Expressions.Syntax;

namespace Barge.Expressions.Evaluation;

internal sealed partial class Compiler
{
    /// <summary>
    /// The rewrites of expr's optimiser that change cost, never results (expr-lang.md §10):
    /// <c>filter(…)[0]</c>, <c>filter(…)[-1]</c>, <c>len/first/last(filter(…))</c> and
    /// <c>map(filter(…), …)</c> run as one loop without the intermediate list, and
    /// <c>reduce(a..b, # + #acc)</c> / <c>sum(a..b)</c> over literal bounds are computed in closed form.
    /// The checker has already seen the original tree, so compile-time errors are unchanged.
    /// </summary>
    private Eval? TryFuse(Node node)
    {
        switch (node)
        {
            case MemberNode { Optional: false, Target: CallNode filter, Property: var property } when IsFilter(filter):
                if (property is IntegerNode { Value: 0 })
                {
                    return CompilePredicateCall(filter, "$filterFirst");
                }
                if (property is UnaryNode { Operator: "-", Operand: IntegerNode { Value: 1 } })
                {
                    return CompilePredicateCall(filter, "$filterLast");
                }
                return null;
            case CallNode { Arguments: [CallNode filter] } call when IsFilter(filter) && IsBuiltin(call):
                return call.Name switch
                {
                    "len" => CompilePredicateCall(filter with { Name = "count" }, "count"),
                    "first" => CompilePredicateCall(filter with { Name = "find" }, "find"),
                    "last" => CompilePredicateCall(filter with { Name = "findLast" }, "findLast"),
                    _ => null,
                };
            case CallNode { Name: "map", Arguments: [CallNode filter, PredicateNode mapper] } call when IsFilter(filter) && IsBuiltin(call):
                return CompileFilterMap(call, filter, mapper);
            case CallNode { Name: "reduce" } call when IsBuiltin(call) && ConstantReduce(call) is { } total:
                var boxedTotal = Boxes.Int(total);
                return _ => boxedTotal;
            case CallNode { Name: "sum", Arguments: [BinaryNode { Operator: "..", Left: IntegerNode from, Right: IntegerNode to }] } call
                when IsBuiltin(call) && to.Value - from.Value < 999_999:
                var sum = Boxes.Int(to.Value < from.Value ? 0 : RangeSum(from.Value, to.Value));
                return _ => sum;
            default:
                return null;
        }
    }

    private bool IsBuiltin(CallNode call) => call.ForceBuiltin || !_options.Functions.Contains(call.Name);

    private bool IsFilter(CallNode call) =>
        call.Name == "filter" && call.Arguments is [_, PredicateNode] && IsBuiltin(call);

    private static bool IsAccumulatorSum(BinaryNode body) =>
        (body.Left, body.Right) is (PointerNode { Name: "" }, PointerNode { Name: "acc" }) or (PointerNode { Name: "acc" }, PointerNode { Name: "" });

    /// <summary><c>reduce(a..b, # + #acc[, init])</c> with literal ints: the closed form, or null when the shape differs.</summary>
    private static long? ConstantReduce(CallNode call)
    {
        var args = call.Arguments;
        if (args.Count is < 2 or > 3
            || args[0] is not BinaryNode { Operator: "..", Left: IntegerNode from, Right: IntegerNode to }
            || args[1] is not PredicateNode { Body: BinaryNode { Operator: "+" } body }
            || !IsAccumulatorSum(body)
            || to.Value - from.Value >= 999_999)
        {
            return null;
        }
        if (args.Count == 3)
        {
            return args[2] is IntegerNode initial ? (to.Value < from.Value ? 0 : RangeSum(from.Value, to.Value)) + initial.Value : null;
        }
        return to.Value >= from.Value ? RangeSum(from.Value, to.Value) : null;
    }

    private static long RangeSum(long from, long to) => unchecked((from + to) * (to - from + 1) / 2);

    private Eval CompileFilterMap(CallNode map, CallNode filter, PredicateNode mapper)
    {
        var collection = Compile(filter.Arguments[0]);
        var filterScope = new PredicateScope(NewSlot(), NewSlot(), NewSlot(), AllowsIndex: false, AllowsAccumulator: false);
        _predicates.Add(filterScope);
        var test = Compile(((PredicateNode)filter.Arguments[1]).Body);
        _predicates.RemoveAt(_predicates.Count - 1);
        var mapScope = new PredicateScope(NewSlot(), NewSlot(), NewSlot(), AllowsIndex: true, AllowsAccumulator: false);
        _predicates.Add(mapScope);
        var body = Compile(mapper.Body);
        _predicates.RemoveAt(_predicates.Count - 1);
        var position = map.Position;
        var filterPosition = filter.Position;
        return f =>
        {
            try
            {
                var list = Items(collection(f), "filter");
                var result = new List<object?>();
                for (var i = 0; i < list.Count; i++)
                {
                    if (!Test(f, list, i, filterScope, test, filterPosition))
                    {
                        continue;
                    }
                    f.Allocate(2);
                    f.Slots[mapScope.ElementSlot] = f.Slots[filterScope.ElementSlot];
                    f.Slots[mapScope.IndexSlot] = Boxes.Int(result.Count);
                    result.Add(body(f));
                }
                return result;
            }
            catch (EvalError e) when (e.Position < 0)
            {
                throw e.At(position);
            }
        };
    }
}
