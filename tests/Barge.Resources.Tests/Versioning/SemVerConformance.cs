using System.Text;
using Barge.Testing;
using Xunit;

namespace Barge.Resources.Tests.Versioning;

/// <summary>Rows of the shared <c>semver.tsv</c> vectors, by kind, with their line numbers.</summary>
internal static class SemVerConformance
{
    private static readonly Lazy<IReadOnlyList<Row>> AllRows = new(Load);

    public static TheoryData<int, string, string, string> RowsOf(string kind)
    {
        var data = new TheoryData<int, string, string, string>();
        foreach (var row in AllRows.Value.Where(r => r.Kind == kind))
        {
            data.Add(row.Line, row.Input, row.Input2, row.Expected);
        }
        return data;
    }

    private static List<Row> Load()
    {
        var lines = File.ReadAllLines(RepoPaths.Conformance("semver.tsv"), Encoding.UTF8);
        var rows = new List<Row>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }
            var fields = lines[i].Split('\t');
            if (fields.Length < 4)
            {
                throw new InvalidDataException($"semver.tsv:{i + 1}: expected 5 tab-separated fields, found {fields.Length}");
            }
            rows.Add(new Row(i + 1, fields[0], Unescape(fields[1]), Unescape(fields[2]), Unescape(fields[3])));
        }
        return rows;
    }

    private static string Unescape(string field)
    {
        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 1 < field.Length)
            {
                i++;
                text.Append(field[i] switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '\\' => '\\',
                    var other => throw new InvalidDataException($"semver.tsv: unknown escape \\{other} in {field}"),
                });
            }
            else
            {
                text.Append(field[i]);
            }
        }
        return text.ToString();
    }

    private sealed record Row(int Line, string Kind, string Input, string Input2, string Expected);
}
