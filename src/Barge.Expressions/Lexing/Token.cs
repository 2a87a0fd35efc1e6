using System.Text;
using Barge.Expressions.Formatting;

namespace Barge.Expressions.Lexing;

/// <summary>A lexed token; <see cref="From"/> is the UTF-16 offset of its first character in the source.</summary>
internal readonly record struct Token(TokenKind Kind, string Value, int From)
{
    public bool Is(TokenKind kind) => Kind == kind;

    public bool Is(TokenKind kind, string value) => Kind == kind && Value == value;

    /// <summary>Renders the token as expr does in messages: <c>Operator(",")</c>, <c>EOF</c>.</summary>
    public override string ToString()
    {
        var kind = Kind == TokenKind.Eof ? "EOF" : Kind.ToString();
        if (Value.Length == 0)
        {
            return kind;
        }
        var builder = new StringBuilder(kind).Append('(');
        GoQuoting.AppendQuoted(builder, Value);
        return builder.Append(')').ToString();
    }
}
