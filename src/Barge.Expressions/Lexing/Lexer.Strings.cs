using System.Text;
using Barge.Expressions.Syntax;

namespace Barge.Expressions.Lexing;

internal sealed partial class Lexer
{
    /// <summary>Scans a quoted string after its opening quote and returns its unescaped value.</summary>
    private string ScanString(char quote)
    {
        var builder = new StringBuilder();
        while (true)
        {
            if (_pos >= _source.Length || _source[_pos] == '\n')
            {
                throw new SyntaxError("literal not terminated", Math.Min(_pos, Math.Max(0, _source.Length - 1)));
            }
            var c = _source[_pos];
            if (c == quote)
            {
                _pos++;
                return builder.ToString();
            }
            if (c != '\\')
            {
                builder.Append(c);
                _pos++;
                continue;
            }
            var escapeAt = _pos;
            _pos++;
            if (_pos >= _source.Length)
            {
                throw new SyntaxError("literal not terminated", _source.Length - 1);
            }
            var e = _source[_pos++];
            switch (e)
            {
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'v': builder.Append('\v'); break;
                case '\\': builder.Append('\\'); break;
                case >= '0' and <= '7':
                    _pos--;
                    AppendCodePoint(builder, ReadDigits(8, 3, escapeAt), escapeAt, maxValue: 255);
                    break;
                case 'x':
                    AppendCodePoint(builder, ReadDigits(16, 2, escapeAt), escapeAt, maxValue: 255);
                    break;
                case 'u' when _pos < _source.Length && _source[_pos] == '{':
                    _pos++;
                    var close = _source.IndexOf('}', _pos);
                    if (close < 0 || close == _pos || close - _pos > 6)
                    {
                        throw new SyntaxError("invalid char escape", escapeAt);
                    }
                    var value = ReadDigits(16, close - _pos, escapeAt);
                    _pos++;
                    AppendCodePoint(builder, value, escapeAt, maxValue: 0x10FFFF);
                    break;
                case 'u':
                    AppendCodePoint(builder, ReadDigits(16, 4, escapeAt), escapeAt, maxValue: 0x10FFFF);
                    break;
                case 'U':
                    AppendCodePoint(builder, ReadDigits(16, 8, escapeAt), escapeAt, maxValue: 0x10FFFF);
                    break;
                default:
                    if (e == quote)
                    {
                        builder.Append(e);
                        break;
                    }
                    throw new SyntaxError("invalid char escape", _pos - 1);
            }
        }
    }

    private long ReadDigits(int radix, int count, int escapeAt)
    {
        long value = 0;
        for (var i = 0; i < count; i++)
        {
            if (_pos >= _source.Length)
            {
                throw new SyntaxError("literal not terminated", _source.Length - 1);
            }
            var digit = HexValue(_source[_pos]);
            if (digit >= radix)
            {
                throw new SyntaxError("invalid char escape", _pos);
            }
            value = (value * radix) + digit;
            _pos++;
        }
        _ = escapeAt;
        return value;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => 99,
    };

    private static void AppendCodePoint(StringBuilder builder, long value, int escapeAt, long maxValue)
    {
        if (value > maxValue || !Rune.IsValid((int)value))
        {
            throw new SyntaxError("unable to unescape string", escapeAt);
        }
        builder.Append(new Rune((int)value).ToString());
    }

    /// <summary>Scans a backtick string after its opening backtick; a doubled backtick is one backtick.</summary>
    private string ScanRawString()
    {
        var builder = new StringBuilder();
        while (true)
        {
            if (_pos >= _source.Length)
            {
                throw new SyntaxError("literal not terminated", Math.Max(0, _source.Length - 1));
            }
            var c = _source[_pos++];
            if (c == '`')
            {
                if (_pos < _source.Length && _source[_pos] == '`')
                {
                    builder.Append('`');
                    _pos++;
                    continue;
                }
                return builder.ToString();
            }
            builder.Append(c);
        }
    }
}
