using Barge.Expressions.Syntax;

namespace Barge.Expressions.Checking;

internal sealed partial class Checker
{
    private StaticType Binary(BinaryNode node)
    {
        var left = Visit(node.Left);
        var right = Visit(node.Right);
        var op = node.Operator;
        switch (op)
        {
            case "&&" or "and" or "||" or "or":
                if ((left.IsKnown && left.Kind != StaticKind.Bool) || (right.IsKnown && right.Kind != StaticKind.Bool))
                {
                    throw Mismatch(node, left, right);
                }
                return left.IsKnown && right.IsKnown ? StaticType.Bool : StaticType.Unknown;
            case "??":
                return left.Kind == StaticKind.Nil ? right : left == right ? left : StaticType.Unknown;
            case "==" or "!=":
                if (!Comparable(left, right))
                {
                    throw Mismatch(node, left, right);
                }
                return StaticType.Bool;
            case "<" or ">" or "<=" or ">=":
                if (left.IsKnown && right.IsKnown && !Orderable(left, right))
                {
                    throw Mismatch(node, left, right);
                }
                if ((left.IsKnown && !Orderable(left, left)) || (right.IsKnown && !Orderable(right, right)))
                {
                    throw Mismatch(node, left, right);
                }
                return StaticType.Bool;
            case "in":
                CheckIn(node, left, right);
                return StaticType.Bool;
            case "contains" or "startsWith" or "endsWith" or "matches":
                if ((left.IsKnown && left.Kind is not (StaticKind.String or StaticKind.Nil))
                    || (right.IsKnown && right.Kind is not (StaticKind.String or StaticKind.Nil)))
                {
                    throw Mismatch(node, left, right);
                }
                return StaticType.Bool;
            case "..":
                if ((left.IsKnown && left.Kind != StaticKind.Int) || (right.IsKnown && right.Kind != StaticKind.Int))
                {
                    throw Mismatch(node, left, right);
                }
                return StaticType.ArrayOf(StaticType.Int);
            default:
                return Arithmetic(node, op, left, right);
        }
    }

    private static SyntaxError Mismatch(BinaryNode node, StaticType left, StaticType right) =>
        new($"invalid operation: {node.Operator} (mismatched types {left.Name} and {right.Name})", node.Position);

    private static bool Comparable(StaticType a, StaticType b)
    {
        if (a.IsUnknown || b.IsUnknown || a.Kind == StaticKind.Nil || b.Kind == StaticKind.Nil)
        {
            return true;
        }
        if (a.IsNumber && b.IsNumber)
        {
            return true;
        }
        return a.Kind == b.Kind;
    }

    private static bool Orderable(StaticType a, StaticType b) =>
        (a.IsNumber && b.IsNumber)
        || (a.Kind == b.Kind && a.Kind is StaticKind.String or StaticKind.Time or StaticKind.Duration);

    private static void CheckIn(BinaryNode node, StaticType left, StaticType right)
    {
        switch (right.Kind)
        {
            case StaticKind.Unknown or StaticKind.Nil:
                return;
            case StaticKind.Array:
                if (left.IsKnown && right.Item.IsKnown && !Comparable(left, right.Item))
                {
                    throw Mismatch(node, left, right);
                }
                return;
            case StaticKind.Map:
                if (left.IsKnown && left.Kind is not (StaticKind.String or StaticKind.Nil))
                {
                    throw Mismatch(node, left, right);
                }
                return;
            case StaticKind.AnyKeyMap:
                return;
            default:
                throw Mismatch(node, left, right);
        }
    }

    private static StaticType Arithmetic(BinaryNode node, string op, StaticType left, StaticType right)
    {
        if (left.IsUnknown || right.IsUnknown)
        {
            if ((left.IsKnown && !ArithmeticOperand(left, op)) || (right.IsKnown && !ArithmeticOperand(right, op)))
            {
                throw Mismatch(node, left, right);
            }
            return op is "/" or "**" or "^" ? StaticType.Float : StaticType.Unknown;
        }
        if (left.IsNumber && right.IsNumber)
        {
            return op switch
            {
                "%" when left.Kind != StaticKind.Int || right.Kind != StaticKind.Int => throw Mismatch(node, left, right),
                "%" => StaticType.Int,
                "/" or "**" or "^" => StaticType.Float,
                _ => left.Kind == StaticKind.Int && right.Kind == StaticKind.Int ? StaticType.Int : StaticType.Float,
            };
        }
        return (op, left.Kind, right.Kind) switch
        {
            ("+", StaticKind.String, StaticKind.String) => StaticType.String,
            ("+", StaticKind.Time, StaticKind.Duration) or ("+", StaticKind.Duration, StaticKind.Time) => StaticType.Time,
            ("+" or "-", StaticKind.Duration, StaticKind.Duration) => StaticType.Duration,
            ("-", StaticKind.Time, StaticKind.Time) => StaticType.Duration,
            ("-", StaticKind.Time, StaticKind.Duration) => StaticType.Time,
            ("*", StaticKind.Duration, StaticKind.Int) or ("*", StaticKind.Int, StaticKind.Duration) => StaticType.Duration,
            ("*", StaticKind.Duration, StaticKind.Float) or ("*", StaticKind.Float, StaticKind.Duration) => StaticType.Float,
            _ => throw Mismatch(node, left, right),
        };
    }

    /// <summary>Whether a known operand type can take part in <paramref name="op"/> with some unknown other side.</summary>
    private static bool ArithmeticOperand(StaticType type, string op) => op switch
    {
        "+" => type.IsNumber || type.Kind is StaticKind.String or StaticKind.Time or StaticKind.Duration,
        "-" => type.IsNumber || type.Kind is StaticKind.Time or StaticKind.Duration,
        "*" => type.IsNumber || type.Kind is StaticKind.Duration,
        "%" => type.Kind == StaticKind.Int,
        _ => type.IsNumber,
    };
}
