using System.Text;

namespace Barge.Cli.Output;

/// <summary>
/// Aligned columns as kubectl's table printer draws them (Go's tabwriter with minimum cell width 10
/// and padding 3): upper-case headers, every cell but the last padded, an empty table prints nothing.
/// </summary>
internal sealed class TableWriter
{
    private const int MinimumWidth = 10;
    private const int Padding = 3;

    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    public TableWriter(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _headers = [.. headers.Select(h => h.ToUpperInvariant())];
    }

    public int RowCount => _rows.Count;

    public void AddRow(IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count != _headers.Length)
        {
            throw new ArgumentException($"a row has {cells.Count} cells; the table has {_headers.Length} columns", nameof(cells));
        }
        // A cell is one line: a newline or tab would break the alignment of every row after it.
        _rows.Add([.. cells.Select(c => (c ?? "").ReplaceLineEndings(" ").Replace('\t', ' '))]);
    }

    public void WriteTo(TextWriter writer, bool headers = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_rows.Count == 0)
        {
            return;
        }
        var lines = headers ? _rows.Prepend(_headers).ToList() : _rows;
        var widths = new int[_headers.Length];
        foreach (var line in lines)
        {
            for (var i = 0; i < line.Length - 1; i++)
            {
                widths[i] = Math.Max(widths[i], Math.Max(MinimumWidth, line[i].Length + Padding));
            }
        }
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Clear();
            for (var i = 0; i < line.Length - 1; i++)
            {
                builder.Append(line[i]).Append(' ', widths[i] - line[i].Length);
            }
            builder.Append(line[^1]);
            writer.WriteLine(builder.ToString().TrimEnd());
        }
    }
}
