using Barge.Expressions.Lexing;
using Barge.Expressions.Syntax;

namespace Barge.Expressions.Parsing;

internal sealed partial class Parser
{
    private Node ParsePostfix(Node node)
    {
        var saved = _depth;
        try
        {
            var token = Current;
            while (token.Kind is TokenKind.Operator or TokenKind.Bracket)
            {
                var optional = token.Value == "?.";
                if (token.Value is "." or "?.")
                {
                    Next();
                    Enter();
                    var property = Current;
                    if (optional && property.Is(TokenKind.Bracket, "["))
                    {
                        node = ParseIndexOrSlice(node, property, optional: true);
                        token = Current;
                        continue;
                    }
                    Next();
                    if (property.Kind != TokenKind.Identifier
                        && (property.Kind != TokenKind.Operator || !IsValidIdentifier(property.Value)))
                    {
                        throw new SyntaxError("expected name", property.From);
                    }
                    var isChain = node is ChainNode;
                    if (node is ChainNode chain)
                    {
                        node = chain.Inner;
                    }
                    if (Current.Is(TokenKind.Bracket, "("))
                    {
                        var arguments = ParseArguments([]);
                        node = Create(new MethodCallNode(node, property.Value, optional, arguments, property.From));
                    }
                    else
                    {
                        var name = Create(new StringNode(property.Value, property.From));
                        node = Create(new MemberNode(node, name, optional, IsName: true, property.From));
                    }
                    if (isChain || optional)
                    {
                        node = Create(new ChainNode(node, property.From));
                    }
                }
                else if (token.Value == "[")
                {
                    Enter();
                    node = ParseIndexOrSlice(node, token, optional: false);
                }
                else
                {
                    break;
                }
                token = Current;
            }
            return node;
        }
        finally
        {
            _depth = saved;
        }
    }

    private Node ParseIndexOrSlice(Node node, Token bracket, bool optional)
    {
        Next();
        if (Current.Is(TokenKind.Operator, ":"))
        {
            Next();
            Node? to = null;
            if (!Current.Is(TokenKind.Bracket, "]"))
            {
                to = ParseExpression(0);
            }
            Expect(TokenKind.Bracket, "]");
            return Create(new SliceNode(node, null, to, bracket.From));
        }
        var from = ParseExpression(0);
        if (Current.Is(TokenKind.Operator, ":"))
        {
            Next();
            Node? to = null;
            if (!Current.Is(TokenKind.Bracket, "]"))
            {
                to = ParseExpression(0);
            }
            Expect(TokenKind.Bracket, "]");
            return Create(new SliceNode(node, from, to, bracket.From));
        }
        Node member = Create(new MemberNode(node, from, optional, IsName: false, bracket.From));
        if (optional)
        {
            member = Create(new ChainNode(member, bracket.From));
        }
        Expect(TokenKind.Bracket, "]");
        return member;
    }

    private static bool IsValidIdentifier(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }
        var first = true;
        foreach (var rune in value.EnumerateRunes())
        {
            if (first ? !Lexer.IsAlphabetic(rune) : !Lexer.IsAlphaNumeric(rune))
            {
                return false;
            }
            first = false;
        }
        return true;
    }
}
