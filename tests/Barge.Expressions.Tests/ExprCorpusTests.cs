using Barge.Testing;
using Xunit;

namespace Barge.Expressions.Tests;

/// <summary>
/// Every row of the shared expr corpus. Rows listed in known-differences.tsv are expected to fail
/// (a listed row that passes fails the test, so the list only shrinks); all others must pass.
/// </summary>
public sealed class ExprCorpusTests
{
    private static readonly Lazy<Dictionary<string, string>> KnownDifferences = new(LoadKnownDifferences);

    public static TheoryData<int> Rows()
    {
        var data = new TheoryData<int>();
        if (RepoPaths.ConformanceDirectory is null)
        {
            // The theory is skipped (or fails under CI) by its attribute; one row keeps discovery working.
            data.Add(0);
            return data;
        }
        foreach (var row in CorpusRow.All)
        {
            data.Add(row.Line);
        }
        return data;
    }

    [ConformanceTheory]
    [MemberData(nameof(Rows))]
    public void Evaluate_CorpusRow_MatchesKargoStyleResult(int line)
    {
        var row = CorpusRow.All.Single(r => r.Line == line);
        var (passed, actual) = CorpusRunner.Run(row);
        var known = KnownDifferences.Value.ContainsKey(row.Expression);
        if (known)
        {
            Assert.False(passed, $"{row} now passes; remove it from known-differences.tsv");
        }
        else
        {
            Assert.True(passed, $"{row}\n env: {row.Environment}\n expected: {row.KargoExpected}\n actual: {actual}");
        }
    }

    [ConformanceFact]
    public void Evaluate_WholeCorpus_AtLeast98PercentPass()
    {
        var rows = CorpusRow.All;
        var passed = rows.Count(r => CorpusRunner.Run(r).Passed);
        Assert.True(passed * 100 >= rows.Count * 98, $"{passed} of {rows.Count} corpus rows pass");
        Assert.Equal(rows.Count - passed, KnownDifferences.Value.Count);
    }

    private static Dictionary<string, string> LoadKnownDifferences()
    {
        var path = Path.Combine(Golden.SourceFolder("Barge.Expressions.Tests"), "known-differences.tsv");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }
            var cells = line.Split('\t');
            result[CorpusRow.Unescape(cells[0])] = cells.Length > 1 ? cells[1] : string.Empty;
        }
        return result;
    }
}
