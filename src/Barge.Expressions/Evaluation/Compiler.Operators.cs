using Barge.Expressions.Syntax;

namespace Barge.Expressions.Evaluation;

internal sealed partial class Compiler
{
    private Eval CompileUnary(UnaryNode node)
    {
        var operand = Compile(node.Operand);
        var position = node.Position;
        return node.Operator switch
        {
            "not" or "!" => f => operand(f) switch
            {
                true => Boxes.False,
                false => Boxes.True,
                var v => throw new EvalError($"invalid operation: ! {Values.TypeName(v)}", position),
            },
            "-" => Guard(f => Arithmetic.Negate(operand(f)), position),
            _ => Guard(f => Arithmetic.Plus(operand(f)), position),
        };
    }

    /// <summary>Gives errors raised by <paramref name="eval"/> itself (not by its operands) this node's position.</summary>
    private static Eval Guard(Eval eval, int position) => f =>
    {
        try
        {
            return eval(f);
        }
        catch (EvalError e) when (e.Position < 0)
        {
            throw e.At(position);
        }
    };

    private Eval CompileBinary(BinaryNode node)
    {
        var left = Compile(node.Left);
        var right = Compile(node.Right);
        var position = node.Position;
        switch (node.Operator)
        {
            case "&&" or "and":
                return f => left(f) switch
                {
                    false => Boxes.False,
                    true => right(f),
                    var v => throw new EvalError($"interface conversion: interface {{}} is {Values.TypeName(v)}, not bool", position),
                };
            case "||" or "or":
                return f => left(f) switch
                {
                    true => Boxes.True,
                    false => right(f),
                    var v => throw new EvalError($"interface conversion: interface {{}} is {Values.TypeName(v)}, not bool", position),
                };
            case "??":
                return f => left(f) ?? right(f);
            case "==":
                return CompileEquals(node, left, right, negate: false);
            case "!=":
                return CompileEquals(node, left, right, negate: true);
            case "<" or ">" or "<=" or ">=":
                return CompileOrdering(node.Operator, node.Right, left, right, position);
            case "in":
                return Guard(f => Boxes.Bool(Membership.In(left(f), right(f))), position);
            case "contains":
                return Guard(f => Boxes.Bool(Membership.StringTest(left(f), right(f), "contains")), position);
            case "startsWith":
                return Guard(f => Boxes.Bool(Membership.StringTest(left(f), right(f), "startsWith")), position);
            case "endsWith":
                return Guard(f => Boxes.Bool(Membership.StringTest(left(f), right(f), "endsWith")), position);
            case "matches":
                if (node.Right is StringNode pattern)
                {
                    var regex = Membership.CompileRegex(pattern.Value, node.Right.Position);
                    return Guard(f => Boxes.Bool(Membership.Matches(left(f), regex)), position);
                }
                return Guard(f => Boxes.Bool(Membership.Matches(left(f), right(f))), position);
            case "..":
                return Guard(f => Membership.Range(left(f), right(f), f), position);
            case "+":
                return Guard(f => Arithmetic.Add(left(f), right(f), f), position);
            case "-":
                return Guard(f => Arithmetic.Subtract(left(f), right(f)), position);
            case "*":
                return Guard(f => Arithmetic.Multiply(left(f), right(f)), position);
            case "/":
                return Guard(f => Arithmetic.Divide(left(f), right(f)), position);
            case "%":
                return Guard(f => Arithmetic.Modulo(left(f), right(f)), position);
            case "**" or "^":
                return Guard(f => Arithmetic.Power(left(f), right(f)), position);
            default:
                throw new SyntaxError("unknown operator " + node.Operator, position);
        }
    }

    private static Eval CompileEquals(BinaryNode node, Eval left, Eval right, bool negate)
    {
        var yes = negate ? Boxes.False : Boxes.True;
        var no = negate ? Boxes.True : Boxes.False;
        switch (node.Right)
        {
            case StringNode s:
                var text = s.Value;
                return f => left(f) is string v && string.Equals(v, text, StringComparison.Ordinal) ? yes : no;
            case IntegerNode i:
                var number = i.Value;
                return f => left(f) switch
                {
                    long l => l == number ? yes : no,
                    double d => d == number ? yes : no,
                    _ => no,
                };
            default:
                return f => Equality.Equal(left(f), right(f)) ? yes : no;
        }
    }

    private static Eval CompileOrdering(string op, Node rightNode, Eval left, Eval right, int position)
    {
        if (rightNode is IntegerNode constant)
        {
            var number = constant.Value;
            Func<long, bool> test = op switch
            {
                "<" => l => l < number,
                ">" => l => l > number,
                "<=" => l => l <= number,
                _ => l => l >= number,
            };
            var boxed = Boxes.Int(number);
            return f =>
            {
                var v = left(f);
                if (v is long l)
                {
                    return Boxes.Bool(test(l));
                }
                try
                {
                    return Boxes.Bool(Ordering.Apply(v, boxed, op));
                }
                catch (EvalError e) when (e.Position < 0)
                {
                    throw e.At(position);
                }
            };
        }
        return Guard(f => Boxes.Bool(Ordering.Apply(left(f), right(f), op)), position);
    }
}
