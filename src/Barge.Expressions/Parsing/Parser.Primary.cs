using System.Globalization;
using Barge.Expressions.Lexing;
using Barge.Expressions.Syntax;

namespace Barge.Expressions.Parsing;

internal sealed partial class Parser
{
    private Node ParsePrimary()
    {
        var token = Current;
        if (token.Is(TokenKind.Operator) && Operators.TryUnary(token.Value, out var precedence))
        {
            Next();
            var operand = ParseExpression(precedence);
            return ParsePostfix(Create(new UnaryNode(token.Value, operand, token.From)));
        }
        if (token.Is(TokenKind.Bracket, "("))
        {
            Next();
            var inner = ParseSequence();
            Expect(TokenKind.Bracket, ")");
            return ParsePostfix(inner);
        }
        if (_predicateDepth > 0 && (token.Is(TokenKind.Operator, "#") || token.Is(TokenKind.Operator, ".")))
        {
            var name = string.Empty;
            if (token.Value == "#")
            {
                Next();
                if (Current.Is(TokenKind.Identifier))
                {
                    name = Current.Value;
                    Next();
                }
            }
            return ParsePostfix(Create(new PointerNode(name, token.From)));
        }
        if (token.Is(TokenKind.Operator, "::"))
        {
            Next();
            var name = Current;
            Expect(TokenKind.Identifier);
            return ParsePostfix(ParseCall(name, [], forceBuiltin: true));
        }
        return ParseSecondary();
    }

    private Node ParseSecondary()
    {
        var token = Current;
        Node node;
        switch (token.Kind)
        {
            case TokenKind.Identifier:
                Next();
                switch (token.Value)
                {
                    case "true":
                        return Create(new BoolNode(true, token.From));
                    case "false":
                        return Create(new BoolNode(false, token.From));
                    case "nil":
                        return Create(new NilNode(token.From));
                    default:
                        node = Current.Is(TokenKind.Bracket, "(")
                            ? ParseCall(token, [], forceBuiltin: false)
                            : Create(new IdentifierNode(token.Value, token.From));
                        break;
                }
                break;
            case TokenKind.Number:
                Next();
                return Create(ParseNumber(token));
            case TokenKind.String:
                Next();
                node = Create(new StringNode(token.Value, token.From));
                break;
            default:
                if (token.Is(TokenKind.Bracket, "["))
                {
                    node = ParseArray(token);
                }
                else if (token.Is(TokenKind.Bracket, "{"))
                {
                    node = ParseMap(token);
                }
                else
                {
                    throw Unexpected(token);
                }
                break;
        }
        return ParsePostfix(node);
    }

    private static Node ParseNumber(Token token)
    {
        var text = token.Value.Replace("_", string.Empty, StringComparison.Ordinal);
        var lower = text.ToLowerInvariant();
        if (lower.StartsWith("0x", StringComparison.Ordinal))
        {
            return ParseInteger(text[2..], 16, "hex", token);
        }
        if (lower.Contains('.', StringComparison.Ordinal) || lower.Contains('e', StringComparison.Ordinal))
        {
            if (lower.StartsWith("0b", StringComparison.Ordinal) || lower.StartsWith("0o", StringComparison.Ordinal)
                || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || lower.EndsWith('e') || lower.EndsWith("e+", StringComparison.Ordinal) || lower.EndsWith("e-", StringComparison.Ordinal))
            {
                throw new SyntaxError("invalid float literal: " + token.Value, token.From);
            }
            if (double.IsInfinity(value))
            {
                throw new SyntaxError("invalid float literal: value out of range: " + token.Value, token.From);
            }
            return new FloatNode(value, token.From);
        }
        if (lower.StartsWith("0b", StringComparison.Ordinal))
        {
            return ParseInteger(text[2..], 2, "binary", token);
        }
        if (lower.StartsWith("0o", StringComparison.Ordinal))
        {
            return ParseInteger(text[2..], 8, "octal", token);
        }
        return ParseInteger(text, 10, "integer", token);
    }

    private static IntegerNode ParseInteger(string digits, int radix, string what, Token token)
    {
        if (digits.Length == 0)
        {
            throw new SyntaxError($"invalid {what} literal: " + token.Value, token.From);
        }
        ulong value = 0;
        foreach (var c in digits)
        {
            var lower = char.ToLowerInvariant(c);
            ulong digit = lower switch
            {
                >= '0' and <= '9' => (ulong)(lower - '0'),
                >= 'a' and <= 'f' => (ulong)(lower - 'a' + 10),
                _ => 99,
            };
            if (digit >= (ulong)radix)
            {
                throw new SyntaxError($"invalid {what} literal: " + token.Value, token.From);
            }
            if (value > (long.MaxValue - digit) / (ulong)radix)
            {
                throw new SyntaxError($"invalid {what} literal: value out of range: " + token.Value, token.From);
            }
            value = (value * (ulong)radix) + digit;
        }
        return new IntegerNode((long)value, token.From);
    }

    private Node ParseCall(Token name, List<Node> arguments, bool forceBuiltin)
    {
        var hostOverrides = !forceBuiltin && _options.Functions.Contains(name.Value);
        if (!hostOverrides && Operators.TryPredicate(name.Value, out var shape))
        {
            return ParsePredicateCall(name, arguments, shape);
        }
        return Create(new CallNode(name.Value, ParseArguments(arguments), forceBuiltin, name.From));
    }

    private Node ParsePredicateCall(Token name, List<Node> arguments, PredicateShape shape)
    {
        Expect(TokenKind.Bracket, "(");
        // expr's table: (expr, predicate[, expr]) or (expr[, predicate]); a piped value fills the first slot.
        var slots = shape switch
        {
            PredicateShape.Required => new[] { (false, false), (true, false) },
            PredicateShape.OptionalPredicate => new[] { (false, false), (true, true) },
            _ => new[] { (false, false), (true, false), (false, true) },
        };
        var preset = arguments.Count;
        for (var i = preset; i < slots.Length; i++)
        {
            var (isPredicate, optional) = slots[i];
            if (Current.Is(TokenKind.Bracket, ")"))
            {
                if (optional)
                {
                    break;
                }
                throw new SyntaxError(
                    string.Create(CultureInfo.InvariantCulture, $"expected at least {slots.Length - preset} arguments"), Current.From);
            }
            if (i > preset)
            {
                Expect(TokenKind.Operator, ",");
            }
            arguments.Add(isPredicate ? ParsePredicate() : ParseExpression(0));
        }
        if (Current.Is(TokenKind.Operator, ","))
        {
            Next();
        }
        Expect(TokenKind.Bracket, ")");
        return Create(new CallNode(name.Value, arguments, ForceBuiltin: true, name.From));
    }

    private Node ParsePredicate()
    {
        var start = Current;
        var braced = Current.Is(TokenKind.Bracket, "{");
        if (braced)
        {
            Next();
        }
        _predicateDepth++;
        Node body;
        if (braced)
        {
            body = ParseSequence();
        }
        else
        {
            body = ParseExpression(0);
            if (Current.Is(TokenKind.Operator, ";"))
            {
                throw new SyntaxError("wrap predicate with brackets { and }", Current.From);
            }
        }
        _predicateDepth--;
        if (braced)
        {
            Expect(TokenKind.Bracket, "}");
        }
        return Create(new PredicateNode(body, braced, start.From));
    }

    private List<Node> ParseArguments(List<Node> arguments)
    {
        var offset = arguments.Count;
        Expect(TokenKind.Bracket, "(");
        while (!Current.Is(TokenKind.Bracket, ")"))
        {
            if (arguments.Count > offset)
            {
                Expect(TokenKind.Operator, ",");
            }
            if (Current.Is(TokenKind.Bracket, ")"))
            {
                break;
            }
            arguments.Add(ParseExpression(0));
        }
        Expect(TokenKind.Bracket, ")");
        return arguments;
    }

    private Node ParseArray(Token token)
    {
        var items = new List<Node>();
        Expect(TokenKind.Bracket, "[");
        while (!Current.Is(TokenKind.Bracket, "]"))
        {
            if (items.Count > 0)
            {
                Expect(TokenKind.Operator, ",");
                if (Current.Is(TokenKind.Bracket, "]"))
                {
                    break;
                }
            }
            items.Add(ParseExpression(0));
        }
        Expect(TokenKind.Bracket, "]");
        return Create(new ArrayNode(items, token.From));
    }

    private Node ParseMap(Token token)
    {
        Expect(TokenKind.Bracket, "{");
        var entries = new List<MapEntry>();
        while (!Current.Is(TokenKind.Bracket, "}"))
        {
            if (entries.Count > 0)
            {
                Expect(TokenKind.Operator, ",");
                if (Current.Is(TokenKind.Bracket, "}"))
                {
                    break;
                }
                if (Current.Is(TokenKind.Operator, ","))
                {
                    throw Unexpected(Current);
                }
            }
            Node key;
            var computed = false;
            if (Current.Kind is TokenKind.Number or TokenKind.String or TokenKind.Identifier)
            {
                key = Create(new StringNode(Current.Value, Current.From));
                Next();
            }
            else if (Current.Is(TokenKind.Bracket, "("))
            {
                key = ParseExpression(0);
                computed = true;
            }
            else
            {
                throw new SyntaxError(
                    "a map key must be a quoted string, a number, a identifier, or an expression enclosed in parentheses (unexpected token "
                    + Current + ")",
                    Current.From);
            }
            Expect(TokenKind.Operator, ":");
            var value = ParseExpression(0);
            entries.Add(new MapEntry(key, value, computed));
        }
        Expect(TokenKind.Bracket, "}");
        return Create(new MapNode(entries, token.From));
    }
}
