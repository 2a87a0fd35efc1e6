using System.Globalization;
using System.Runtime.CompilerServices;
using Barge.Expressions.Lexing;
using Barge.Expressions.Syntax;

namespace Barge.Expressions.Parsing;

/// <summary>
/// expr-lang's precedence-climbing parser: sequences, <c>let</c>, <c>if</c>, binary operators with
/// the comparison-chaining and coalesce-mixing rules, pipes, ternaries. Recursion is bounded by
/// <see cref="ExprOptions.MaxDepth"/> and the node count by <see cref="ExprOptions.MaxNodes"/>, so
/// hostile input ends in a <see cref="SyntaxError"/>, never a stack overflow.
/// </summary>
internal sealed partial class Parser
{
    private readonly List<Token> _tokens;
    private readonly ExprOptions _options;
    private int _index;
    private int _predicateDepth;
    private int _nodeCount;
    private int _depth;

    private Parser(List<Token> tokens, ExprOptions options)
    {
        _tokens = tokens;
        _options = options;
    }

    private Token Current => _tokens[_index];

    public static Node Parse(string source, ExprOptions options)
    {
        var parser = new Parser(Lexer.Lex(source), options);
        var node = parser.ParseSequence();
        if (!parser.Current.Is(TokenKind.Eof))
        {
            throw Unexpected(parser.Current);
        }
        return node;
    }

    private void Next()
    {
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }
        else
        {
            throw new SyntaxError("unexpected end of expression", Current.From);
        }
    }

    private void Expect(TokenKind kind, string? value = null)
    {
        var current = Current;
        if (current.Kind == kind && (value is null || current.Value == value))
        {
            if (kind != TokenKind.Eof)
            {
                Next();
            }
            return;
        }
        throw Unexpected(current);
    }

    private static SyntaxError Unexpected(Token token) => new("unexpected token " + token, token.From);

    private T Create<T>(T node)
        where T : Node
    {
        if (++_nodeCount > _options.MaxNodes)
        {
            throw new SyntaxError("compilation failed: expression exceeds maximum allowed nodes", node.Position);
        }
        return node;
    }

    private void Enter()
    {
        if (++_depth > _options.MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new SyntaxError(
                string.Create(CultureInfo.InvariantCulture, $"expression is nested too deeply (more than {_options.MaxDepth} levels)"),
                Current.From);
        }
    }

    private Node ParseSequence()
    {
        var start = Current.From;
        var first = ParseExpression(0);
        if (!Current.Is(TokenKind.Operator, ";"))
        {
            return first;
        }
        var items = new List<Node> { first };
        while (Current.Is(TokenKind.Operator, ";"))
        {
            Next();
            if (Current.Is(TokenKind.Eof))
            {
                break;
            }
            items.Add(ParseExpression(0));
        }
        return items.Count == 1 ? first : Create(new SequenceNode(items, start));
    }

    private Node ParseExpression(int precedence)
    {
        Enter();
        var saved = _depth;
        try
        {
            if (precedence == 0 && Current.Is(TokenKind.Operator, "let"))
            {
                return ParseLet();
            }
            if (precedence == 0 && Current.Is(TokenKind.Operator, "if"))
            {
                return ParseIf();
            }
            var left = ParsePrimary();
            string? previous = null;
            var opToken = Current;
            while (opToken.Is(TokenKind.Operator))
            {
                var negate = opToken.Value == "not";
                Token notToken = default;
                if (negate)
                {
                    var backup = _index;
                    Next();
                    if (!Operators.AllowedNegateSuffix(Current.Value) || Current.Kind != TokenKind.Operator)
                    {
                        throw Unexpected(Current);
                    }
                    Operators.TryBinary(Current.Value, out var negPrecedence, out _);
                    if (negPrecedence < precedence)
                    {
                        _index = backup;
                        break;
                    }
                    notToken = opToken;
                    opToken = Current;
                }
                if (!Operators.TryBinary(opToken.Value, out var opPrecedence, out var rightAssoc) || opPrecedence < precedence)
                {
                    break;
                }
                Next();
                Enter();
                if (opToken.Value == "|")
                {
                    var name = Current;
                    Expect(TokenKind.Identifier);
                    left = ParseCall(name, [left], forceBuiltin: false);
                }
                else
                {
                    if (previous == "??" && opToken.Value != "??")
                    {
                        throw new SyntaxError(
                            $"Operator ({opToken.Value}) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses.",
                            opToken.From);
                    }
                    if (Operators.IsComparison(opToken.Value))
                    {
                        left = ParseComparison(left, opToken, opPrecedence);
                    }
                    else
                    {
                        var right = ParseExpression(rightAssoc ? opPrecedence : opPrecedence + 1);
                        left = Create(new BinaryNode(opToken.Value, left, right, opToken.From));
                        if (negate)
                        {
                            left = Create(new UnaryNode("not", left, notToken.From));
                        }
                    }
                }
                previous = opToken.Value;
                opToken = Current;
            }
            if (precedence == 0)
            {
                left = ParseTernary(left);
            }
            return left;
        }
        finally
        {
            _depth = saved - 1;
        }
    }

    private Node ParseComparison(Node left, Token token, int precedence)
    {
        Node? root = null;
        while (true)
        {
            var right = ParseExpression(precedence + 1);
            var comparison = Create(new BinaryNode(token.Value, left, right, token.From));
            root = root is null ? comparison : Create(new BinaryNode("&&", root, comparison, token.From));
            left = right;
            token = Current;
            if (!(token.Is(TokenKind.Operator) && Operators.IsComparison(token.Value)))
            {
                return root;
            }
            Next();
            Enter();
        }
    }

    private Node ParseLet()
    {
        Expect(TokenKind.Operator, "let");
        var name = Current;
        Expect(TokenKind.Identifier);
        Expect(TokenKind.Operator, "=");
        var value = ParseExpression(0);
        Expect(TokenKind.Operator, ";");
        var body = ParseSequence();
        return Create(new LetNode(name.Value, value, body, name.From));
    }

    private Node ParseIf()
    {
        var start = Current.From;
        Next();
        var condition = ParseExpression(0);
        Expect(TokenKind.Bracket, "{");
        var then = ParseSequence();
        Expect(TokenKind.Bracket, "}");
        Expect(TokenKind.Operator, "else");
        Node otherwise;
        if (Current.Is(TokenKind.Operator, "if"))
        {
            Enter();
            otherwise = ParseIf();
        }
        else
        {
            Expect(TokenKind.Bracket, "{");
            otherwise = ParseSequence();
            Expect(TokenKind.Bracket, "}");
        }
        return Create(new ConditionalNode(condition, then, otherwise, IsIf: true, Elvis: false, start));
    }

    private Node ParseTernary(Node node)
    {
        while (Current.Is(TokenKind.Operator, "?"))
        {
            var at = Current.From;
            Next();
            Enter();
            if (!Current.Is(TokenKind.Operator, ":"))
            {
                var then = ParseExpression(0);
                Expect(TokenKind.Operator, ":");
                var otherwise = ParseExpression(0);
                node = Create(new ConditionalNode(node, then, otherwise, IsIf: false, Elvis: false, at));
            }
            else
            {
                Next();
                var otherwise = ParseExpression(0);
                node = Create(new ConditionalNode(node, node, otherwise, IsIf: false, Elvis: true, at));
            }
        }
        return node;
    }
}
