using System.Runtime.CompilerServices;
using Barge.Expressions.Syntax;

namespace Barge.Expressions.Checking;

/// <summary>
/// expr's type checker in Dynamic mode: environment variables are of unknown type and pass; what
/// literals, <c>let</c> values and builtin results make visible is checked as expr checks it
/// (<c>1 + "a"</c>, <c>"a" == 1</c>, <c>true or 0</c>, <c>len(1)</c>, <c>42 in ["a"]</c> are compile errors).
/// The first problem is reported, as expr does.
/// </summary>
internal sealed partial class Checker
{
    private readonly ExprOptions _options;
    private readonly List<(string Name, StaticType Type)> _lets = [];
    private readonly List<StaticType> _elements = [];

    private Checker(ExprOptions options) => _options = options;

    public static void Check(Node tree, ExprOptions options) => new Checker(options).Visit(tree);

    private static SyntaxError Error(string message, Node node) => new(message, node.Position);

    private StaticType Visit(Node node)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Error("expression is nested too deeply", node);
        }
        return node switch
        {
            NilNode => StaticType.Nil,
            BoolNode => StaticType.Bool,
            IntegerNode => StaticType.Int,
            FloatNode => StaticType.Float,
            StringNode => StaticType.String,
            IdentifierNode id => Identifier(id),
            PointerNode p => p.Name switch
            {
                "" => _elements.Count > 0 ? _elements[^1] : StaticType.Unknown,
                "index" => StaticType.Int,
                _ => StaticType.Unknown,
            },
            UnaryNode u => Unary(u),
            BinaryNode b => Binary(b),
            MemberNode m => Member(m),
            ChainNode c => Visit(c.Inner),
            SliceNode s => Slice(s),
            CallNode c => Call(c),
            MethodCallNode m => MethodCall(m),
            ConditionalNode c => Conditional(c),
            ArrayNode a => Array(a),
            MapNode m => Map(m),
            LetNode l => Let(l),
            SequenceNode s => s.Items.Select(Visit).Last(),
            PredicateNode p => Visit(p.Body),
            _ => StaticType.Unknown,
        };
    }

    private StaticType Identifier(IdentifierNode node)
    {
        for (var i = _lets.Count - 1; i >= 0; i--)
        {
            if (_lets[i].Name == node.Name)
            {
                return _lets[i].Type;
            }
        }
        return node.Name == "$env" ? StaticType.Map : StaticType.Unknown;
    }

    private StaticType Let(LetNode node)
    {
        var value = Visit(node.Value);
        _lets.Add((node.Name, value));
        var body = Visit(node.Body);
        _lets.RemoveAt(_lets.Count - 1);
        return body;
    }

    private StaticType Unary(UnaryNode node)
    {
        var operand = Visit(node.Operand);
        switch (node.Operator)
        {
            case "not" or "!":
                if (operand.IsKnown && operand.Kind != StaticKind.Bool)
                {
                    throw Error($"invalid operation: {node.Operator} (mismatched type {operand.Name})", node);
                }
                return StaticType.Bool;
            default:
                if (operand.IsKnown && !operand.IsNumber && operand.Kind != StaticKind.Duration)
                {
                    throw Error($"invalid operation: {node.Operator} (mismatched type {operand.Name})", node);
                }
                return operand;
        }
    }

    private StaticType Conditional(ConditionalNode node)
    {
        var condition = Visit(node.Condition);
        if (condition.IsKnown && condition.Kind != StaticKind.Bool)
        {
            throw Error($"non-bool expression (type {condition.Name}) used as condition", node.Condition);
        }
        var then = Visit(node.Then);
        var otherwise = Visit(node.Else);
        return then == otherwise ? then : StaticType.Unknown;
    }

    private StaticType Array(ArrayNode node)
    {
        StaticType? element = null;
        foreach (var item in node.Items)
        {
            var type = Visit(item);
            element = element is null || element == type ? type : StaticType.Unknown;
        }
        return StaticType.ArrayOf(element ?? StaticType.Unknown);
    }

    private StaticType Map(MapNode node)
    {
        foreach (var entry in node.Entries)
        {
            if (entry.ComputedKey)
            {
                var key = Visit(entry.Key);
                if (key.IsKnown && key.Kind != StaticKind.String)
                {
                    throw Error($"map key must be a string, got {key.Name}", entry.Key);
                }
            }
            Visit(entry.Value);
        }
        return StaticType.Map;
    }

    private StaticType Member(MemberNode node)
    {
        var target = Visit(node.Target);
        var property = Visit(node.Property);
        switch (target.Kind)
        {
            case StaticKind.Nil when !node.Optional:
                throw Error($"type nil has no field {Describe(node.Property)}", node);
            case StaticKind.Bool or StaticKind.Int or StaticKind.Float or StaticKind.String when node.IsName || property.Kind == StaticKind.String:
                throw Error($"type {target.Name} has no field {Describe(node.Property)}", node);
            case StaticKind.Bool or StaticKind.Int or StaticKind.Float or StaticKind.String:
                throw Error($"type {target.Name} does not support indexing", node);
            case StaticKind.Array:
                if (property.IsKnown && property.Kind != StaticKind.Int)
                {
                    throw Error($"array elements can only be selected using an integer (got {property.Name})", node);
                }
                return target.Item;
            case StaticKind.Map:
                if (property.IsKnown && property.Kind is not (StaticKind.String or StaticKind.Nil))
                {
                    throw Error($"cannot use {property.Name} to get an element from map[string]interface {{}}", node);
                }
                return StaticType.Unknown;
            default:
                return StaticType.Unknown;
        }
    }

    private static string Describe(Node property) => property is StringNode s ? s.Value : "key";

    private StaticType Slice(SliceNode node)
    {
        var target = Visit(node.Target);
        foreach (var bound in new[] { node.From, node.To })
        {
            if (bound is not null)
            {
                var type = Visit(bound);
                if (type.IsKnown && type.Kind != StaticKind.Int)
                {
                    throw Error($"non-integer slice index {type.Name}", bound);
                }
            }
        }
        if (target.IsKnown && target.Kind is not (StaticKind.Array or StaticKind.String))
        {
            throw Error($"cannot slice {target.Name}", node);
        }
        return target;
    }

    private StaticType MethodCall(MethodCallNode node)
    {
        var target = Visit(node.Target);
        foreach (var argument in node.Arguments)
        {
            Visit(argument);
        }
        if (target.Kind is StaticKind.Nil or StaticKind.Bool or StaticKind.Int or StaticKind.Float or StaticKind.String or StaticKind.Array
            && !(target.Kind == StaticKind.Nil && node.Optional))
        {
            throw Error($"type {target.Name} has no method {node.Name}", node);
        }
        return StaticType.Unknown;
    }
}
