using Barge.Expressions.Parsing;
using Barge.Expressions.Syntax;

namespace Barge.Expressions.Checking;

internal sealed partial class Checker
{
    private StaticType Call(CallNode node)
    {
        var name = node.Name;
        var hostOverride = !node.ForceBuiltin && _options.Functions.Contains(name);
        if (!hostOverride && Operators.TryPredicate(name, out _) && node.Arguments.Count > 0)
        {
            return PredicateCall(node);
        }
        var args = node.Arguments.Select(Visit).ToArray();
        if (hostOverride || _options.Functions.Contains(name) && !Builtins.BuiltinCatalog.TryGet(name, out _))
        {
            return StaticType.Unknown;
        }
        return BuiltinCall(node, args);
    }

    private StaticType PredicateCall(CallNode node)
    {
        var name = node.Name;
        var collection = Visit(node.Arguments[0]);
        if (collection.IsKnown && collection.Kind != StaticKind.Array)
        {
            throw Error($"builtin {name} takes only array (got {collection.Name})", node.Arguments[0]);
        }
        StaticType body = StaticType.Unknown;
        if (node.Arguments.Count > 1)
        {
            _elements.Add(collection.Item);
            body = Visit(node.Arguments[1]);
            _elements.RemoveAt(_elements.Count - 1);
        }
        for (var i = 2; i < node.Arguments.Count; i++)
        {
            var extra = Visit(node.Arguments[i]);
            if (name == "sortBy" && extra.IsKnown && extra.Kind != StaticKind.String)
            {
                throw Error($"invalid argument for sortBy (type {extra.Name})", node.Arguments[i]);
            }
        }
        var needsBool = name is "all" or "none" or "any" or "one" or "filter" or "find" or "findIndex" or "findLast" or "findLastIndex"
            || (name == "count" && node.Arguments.Count > 1);
        if (needsBool && body.IsKnown && body.Kind != StaticKind.Bool)
        {
            throw Error($"predicate should return boolean (got {body.Name})", node.Arguments[1]);
        }
        if (name == "sum" && node.Arguments.Count > 1 && body.IsKnown && !body.IsNumber)
        {
            throw Error($"invalid argument for sum (type {body.Name})", node.Arguments[1]);
        }
        return name switch
        {
            "all" or "none" or "any" or "one" => StaticType.Bool,
            "count" or "findIndex" or "findLastIndex" => name == "count" ? StaticType.Int : StaticType.Unknown,
            "filter" or "sortBy" => StaticType.ArrayOf(collection.Item),
            "map" => StaticType.ArrayOf(body),
            "find" or "findLast" => StaticType.Unknown,
            "groupBy" => StaticType.AnyKeyMap,
            _ => StaticType.Unknown,
        };
    }

    private static StaticType BuiltinCall(CallNode node, StaticType[] args)
    {
        var name = node.Name;
        void Require(int index, params StaticKind[] kinds)
        {
            if (index < args.Length && args[index].IsKnown && !kinds.Contains(args[index].Kind))
            {
                throw Error($"invalid argument for {name} (type {args[index].Name})", node.Arguments[index]);
            }
        }
        var numbers = new[] { StaticKind.Int, StaticKind.Float };
        var numbersOrArrays = new[] { StaticKind.Int, StaticKind.Float, StaticKind.Array };
        switch (name)
        {
            case "len":
                Require(0, StaticKind.String, StaticKind.Array, StaticKind.Map, StaticKind.AnyKeyMap);
                return StaticType.Int;
            case "abs":
                Require(0, numbers);
                return args.Length > 0 ? args[0] : StaticType.Unknown;
            case "ceil" or "floor" or "round":
                Require(0, numbers);
                return StaticType.Float;
            case "int":
                Require(0, StaticKind.Int, StaticKind.Float, StaticKind.String);
                return StaticType.Int;
            case "float":
                Require(0, StaticKind.Int, StaticKind.Float, StaticKind.String);
                return StaticType.Float;
            case "string" or "type" or "toJSON":
                return StaticType.String;
            case "max" or "min":
                if (args.Length == 0)
                {
                    throw Error($"not enough arguments to call {name}", node);
                }
                for (var i = 0; i < args.Length; i++)
                {
                    Require(i, numbersOrArrays);
                }
                return StaticType.Unknown;
            case "mean" or "median":
                for (var i = 0; i < args.Length; i++)
                {
                    Require(i, numbersOrArrays);
                }
                return StaticType.Float;
            case "trim" or "trimPrefix" or "trimSuffix" or "upper" or "lower" or "repeat" or "replace" or "toBase64" or "fromBase64":
                Require(0, StaticKind.String);
                if (name is "trim" or "trimPrefix" or "trimSuffix" or "replace")
                {
                    Require(1, StaticKind.String);
                    Require(2, StaticKind.String);
                }
                if (name is "repeat")
                {
                    Require(1, StaticKind.Int);
                }
                if (name is "replace")
                {
                    Require(3, StaticKind.Int);
                }
                return StaticType.String;
            case "split" or "splitAfter":
                Require(0, StaticKind.String);
                Require(1, StaticKind.String);
                Require(2, StaticKind.Int);
                return StaticType.ArrayOf(StaticType.String);
            case "indexOf" or "lastIndexOf" or "hasPrefix" or "hasSuffix":
                Require(0, StaticKind.String);
                Require(1, StaticKind.String);
                return name.StartsWith("has", StringComparison.Ordinal) ? StaticType.Bool : StaticType.Int;
            case "join":
                Require(0, StaticKind.Array);
                Require(1, StaticKind.String);
                return StaticType.String;
            case "fromJSON":
                Require(0, StaticKind.String);
                return StaticType.Unknown;
            case "bitand" or "bitor" or "bitxor" or "bitnand" or "bitshl" or "bitshr" or "bitushr" or "bitnot":
                Require(0, StaticKind.Int);
                Require(1, StaticKind.Int);
                return StaticType.Int;
            case "first" or "last":
                Require(0, StaticKind.Array);
                return args.Length > 0 ? args[0].Item : StaticType.Unknown;
            case "take" or "reverse" or "uniq" or "flatten" or "sort":
                Require(0, StaticKind.Array);
                if (name == "take")
                {
                    Require(1, StaticKind.Int);
                }
                if (name == "sort")
                {
                    Require(1, StaticKind.String);
                }
                return name is "take" or "reverse" or "uniq" or "sort" && args.Length > 0 ? args[0] : StaticType.AnyArray;
            case "concat":
                for (var i = 0; i < args.Length; i++)
                {
                    Require(i, StaticKind.Array);
                }
                return StaticType.AnyArray;
            case "keys" or "values" or "toPairs":
                Require(0, StaticKind.Map, StaticKind.AnyKeyMap);
                return name == "keys" && args.Length > 0 && args[0].Kind == StaticKind.Map ? StaticType.ArrayOf(StaticType.String) : StaticType.AnyArray;
            case "fromPairs":
                Require(0, StaticKind.Array);
                return StaticType.AnyKeyMap;
            case "get":
                if (args.Length > 0 && args[0].Kind is StaticKind.Nil or StaticKind.Bool or StaticKind.Int or StaticKind.Float)
                {
                    throw Error($"type {args[0].Name} does not support indexing", node.Arguments[0]);
                }
                if (args.Length > 1 && args[0].Kind == StaticKind.Array && args[1].IsKnown && args[1].Kind != StaticKind.Int)
                {
                    throw Error($"non-integer index {args[1].Name} for get", node.Arguments[1]);
                }
                return args.Length > 0 && args[0].Kind == StaticKind.Array ? args[0].Item : StaticType.Unknown;
            case "now":
                return StaticType.Time;
            case "duration":
                Require(0, StaticKind.String);
                return StaticType.Duration;
            case "date":
                Require(0, StaticKind.String);
                Require(1, StaticKind.String);
                Require(2, StaticKind.String);
                return StaticType.Time;
            case "timezone":
                Require(0, StaticKind.String);
                return StaticType.Unknown;
            default:
                return StaticType.Unknown;
        }
    }
}
