namespace Barge.Expressions.Lexing;

/// <summary>The token classes of expr's lexer; their names appear in "unexpected token" messages.</summary>
internal enum TokenKind
{
    Identifier,
    Number,
    String,
    Operator,
    Bracket,
    Eof,
}
