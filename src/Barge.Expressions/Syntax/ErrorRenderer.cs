using System.Globalization;
using System.Text;

namespace Barge.Expressions.Syntax;

/// <summary>Renders a failure as expr does: <c>reason (line:column)</c>, the source line, and a caret line.</summary>
internal static class ErrorRenderer
{
    public static ExpressionException Render(string source, string reason, int position)
    {
        if (position < 0 || source.Length == 0)
        {
            return new ExpressionException(reason, reason, 0, 0);
        }
        position = Math.Min(position, source.Length);
        var line = 1;
        var column = 0;
        var lineStart = 0;
        for (var i = 0; i < position; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                column = 0;
                lineStart = i + 1;
            }
            else if (!char.IsLowSurrogate(source[i]))
            {
                column++;
            }
        }
        var lineEnd = source.IndexOf('\n', lineStart);
        if (lineEnd < 0)
        {
            lineEnd = source.Length;
        }
        if (lineStart == lineEnd)
        {
            return new ExpressionException(reason, reason, line, column + 1);
        }
        var text = source[lineStart..lineEnd].Replace('\t', ' ');
        const int MaxExcerpt = 200;
        var caretColumn = column;
        if (text.Length > MaxExcerpt)
        {
            // A megabyte-long line is cut to a window around the caret so the message stays readable.
            var from = Math.Max(0, Math.Min(column - (MaxExcerpt / 2), text.Length - MaxExcerpt));
            text = text.Substring(from, MaxExcerpt);
            caretColumn = column - from;
        }
        var builder = new StringBuilder(reason)
            .Append(CultureInfo.InvariantCulture, $" ({line}:{column + 1})")
            .Append("\n | ").Append(text)
            .Append("\n | ").Append('.', caretColumn).Append('^');
        return new ExpressionException(builder.ToString(), reason, line, column + 1);
    }
}
