using System.Globalization;
using System.Text;
using Barge.Expressions.Formatting;
using Barge.Expressions.Syntax;

namespace Barge.Expressions.Lexing;

/// <summary>
/// Turns expr source text into tokens, following expr-lang's lexer: word operators, <c>not</c>
/// forms, numbers with bases and underscores, three string forms and both comment styles.
/// Errors are thrown as <see cref="SyntaxError"/> at the offending character.
/// </summary>
internal sealed partial class Lexer
{
    private readonly string _source;
    private readonly List<Token> _tokens = [];
    private int _start;
    private int _pos;

    private Lexer(string source) => _source = source;

    public static List<Token> Lex(string source)
    {
        var lexer = new Lexer(source);
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        while (true)
        {
            _start = _pos;
            if (_pos >= _source.Length)
            {
                _tokens.Add(new Token(TokenKind.Eof, string.Empty, Math.Max(0, _pos - 1)));
                return;
            }
            var rune = PeekRune(out var width);
            var c = _source[_pos];
            if (Rune.IsWhiteSpace(rune))
            {
                _pos += width;
                continue;
            }
            switch (c)
            {
                case '\'' or '"':
                    _pos++;
                    Emit(TokenKind.String, ScanString(c));
                    continue;
                case '`':
                    _pos++;
                    Emit(TokenKind.String, ScanRawString());
                    continue;
                case >= '0' and <= '9':
                    ScanNumber();
                    continue;
                case '?':
                    _pos++;
                    Accept(".?");
                    EmitWord(TokenKind.Operator);
                    continue;
                case '/':
                    _pos++;
                    if (Accept("/"))
                    {
                        SkipLineComment();
                    }
                    else if (Accept("*"))
                    {
                        SkipBlockComment();
                    }
                    else
                    {
                        EmitWord(TokenKind.Operator);
                    }
                    continue;
                case '#':
                    ScanPointer();
                    continue;
                case '|':
                    _pos++;
                    Accept("|");
                    EmitWord(TokenKind.Operator);
                    continue;
                case ':':
                    _pos++;
                    Accept(":");
                    EmitWord(TokenKind.Operator);
                    continue;
                case '(' or '[' or '{' or ')' or ']' or '}':
                    _pos++;
                    EmitWord(TokenKind.Bracket);
                    continue;
                case ',' or ';' or '%' or '+' or '-' or '^':
                    _pos++;
                    EmitWord(TokenKind.Operator);
                    continue;
                case '&' or '!' or '=' or '*' or '<' or '>':
                    _pos++;
                    Accept("&=*");
                    EmitWord(TokenKind.Operator);
                    continue;
                case '.':
                    if (_pos + 1 < _source.Length && char.IsAsciiDigit(_source[_pos + 1]))
                    {
                        ScanNumber();
                    }
                    else
                    {
                        _pos++;
                        Accept(".");
                        EmitWord(TokenKind.Operator);
                    }
                    continue;
                default:
                    break;
            }
            if ((c is 'b' or 'B') && _pos + 1 < _source.Length && _source[_pos + 1] is '"' or '\'')
            {
                throw new SyntaxError("bytes literals are not supported", _pos);
            }
            if (IsAlphaNumeric(rune))
            {
                ScanIdentifier();
                continue;
            }
            throw new SyntaxError(
                string.Create(CultureInfo.InvariantCulture, $"unrecognized character: U+{rune.Value:X4} '{rune}'"), _pos);
        }
    }

    private void ScanIdentifier()
    {
        while (_pos < _source.Length && IsAlphaNumeric(PeekRune(out var width)))
        {
            _pos += width;
        }
        var word = _source[_start.._pos];
        var kind = word switch
        {
            "not" or "in" or "or" or "and" or "matches" or "contains" or "startsWith" or "endsWith" or "let" or "if" or "else"
                => TokenKind.Operator,
            _ => TokenKind.Identifier,
        };
        Emit(kind, word);
    }

    private void ScanPointer()
    {
        _pos++;
        Accept("#");
        EmitWord(TokenKind.Operator);
        while (_pos < _source.Length && IsAlphaNumeric(PeekRune(out var width)))
        {
            _pos += width;
        }
        if (_pos > _start)
        {
            EmitWord(TokenKind.Identifier);
        }
    }

    private void ScanNumber()
    {
        var digits = "0123456789_";
        if (Accept("0"))
        {
            if (Accept("xX"))
            {
                digits = "0123456789abcdefABCDEF_";
            }
            else if (Accept("oO"))
            {
                digits = "01234567_";
            }
            else if (Accept("bB"))
            {
                digits = "01_";
            }
        }
        AcceptRun(digits);
        var beforeDot = _pos;
        if (Accept("."))
        {
            if (_pos < _source.Length && _source[_pos] == '.')
            {
                _pos = beforeDot;
                EmitWord(TokenKind.Number);
                return;
            }
            AcceptRun(digits);
        }
        if (Accept("eE"))
        {
            Accept("+-");
            AcceptRun(digits);
        }
        if (_pos < _source.Length && IsAlphaNumeric(PeekRune(out var width)))
        {
            _pos += width;
            throw new SyntaxError("bad number syntax: " + GoQuoting.Quote(_source[_start.._pos]), _pos - 1);
        }
        EmitWord(TokenKind.Number);
    }

    private void SkipLineComment()
    {
        while (_pos < _source.Length && _source[_pos] != '\n')
        {
            _pos++;
        }
    }

    private void SkipBlockComment()
    {
        var end = _source.IndexOf("*/", _pos, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new SyntaxError("unclosed comment", Math.Max(0, _source.Length - 1));
        }
        _pos = end + 2;
    }

    private Rune PeekRune(out int width)
    {
        if (Rune.DecodeFromUtf16(_source.AsSpan(_pos), out var rune, out width) != System.Buffers.OperationStatus.Done)
        {
            throw new SyntaxError("invalid character encoding (unpaired surrogate)", _pos);
        }
        return rune;
    }

    private bool Accept(string valid)
    {
        if (_pos < _source.Length && valid.Contains(_source[_pos], StringComparison.Ordinal))
        {
            _pos++;
            return true;
        }
        return false;
    }

    private void AcceptRun(string valid)
    {
        while (Accept(valid))
        {
        }
    }

    private void EmitWord(TokenKind kind) => Emit(kind, _source[_start.._pos]);

    private void Emit(TokenKind kind, string value)
    {
        _tokens.Add(new Token(kind, value, _start));
        _start = _pos;
    }

    internal static bool IsAlphaNumeric(Rune rune) =>
        rune.Value is '_' or '$' || Rune.IsLetter(rune) || Rune.IsDigit(rune);

    internal static bool IsAlphabetic(Rune rune) => rune.Value is '_' or '$' || Rune.IsLetter(rune);
}
