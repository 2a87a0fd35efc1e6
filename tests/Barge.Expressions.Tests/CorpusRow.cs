using System.Text;
using Barge.Testing;

namespace Barge.Expressions.Tests;

/// <summary>One row of the shared expr conformance corpus (format: expr-lang.md §14).</summary>
public sealed record CorpusRow(int Line, string Expression, string Environment, string Expected, string Source)
{
    private static readonly Lazy<IReadOnlyList<CorpusRow>> LazyAll = new(Load);

    public static IReadOnlyList<CorpusRow> All => LazyAll.Value;

    /// <summary>The result Kargo's Dynamic mode gives: the row's note when it records one, else the expected column.</summary>
    public string KargoExpected
    {
        get
        {
            const string Marker = "without Env (Kargo style): ";
            var at = Source.IndexOf(Marker, StringComparison.Ordinal);
            if (at < 0)
            {
                return Expected;
            }
            var rest = Source[(at + Marker.Length)..];
            var end = rest.LastIndexOf('}');
            return (end >= 0 ? rest[..end] : rest).Trim();
        }
    }

    public override string ToString() => $"line {Line}: {Expression}";

    private static List<CorpusRow> Load()
    {
        var rows = new List<CorpusRow>();
        var lines = File.ReadAllLines(RepoPaths.Conformance("expr-corpus.tsv"), Encoding.UTF8);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }
            var cells = lines[i].Split('\t');
            rows.Add(new CorpusRow(i + 1, Unescape(cells[0]), cells[1], cells[2], cells.Length > 3 ? cells[3] : string.Empty));
        }
        return rows;
    }

    /// <summary>Reverses the corpus escape: \\ → \, \t → TAB, \n → LF, \r → CR.</summary>
    public static string Unescape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                var replaced = next switch
                {
                    '\\' => '\\',
                    't' => '\t',
                    'n' => '\n',
                    'r' => '\r',
                    _ => '\0',
                };
                if (replaced != '\0')
                {
                    builder.Append(replaced);
                    i++;
                    continue;
                }
            }
            builder.Append(text[i]);
        }
        return builder.ToString();
    }
}
