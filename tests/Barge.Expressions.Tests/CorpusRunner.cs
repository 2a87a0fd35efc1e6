using System.Collections;
using System.Text.Json;

namespace Barge.Expressions.Tests;

/// <summary>Runs a corpus row and says whether the engine agrees with the Kargo-style expected result.</summary>
public static class CorpusRunner
{
    public static (bool Passed, string Actual) Run(CorpusRow row)
    {
        string actual;
        try
        {
            var env = (IReadOnlyDictionary<string, object?>)ExprJson.Parse(row.Environment)!;
            var value = Expr.Compile(row.Expression).Evaluate(env);
            actual = ExprJson.Format(value);
            if (!Agrees(row, row.KargoExpected, actual, value))
            {
                return (false, actual);
            }
            return (true, actual);
        }
        catch (ExpressionException e)
        {
            actual = "ERROR: " + e.Message;
            return (row.KargoExpected == "ERROR", actual);
        }
    }

    private static bool Agrees(CorpusRow row, string expected, string actual, object? value)
    {
        if (expected == actual)
        {
            return true;
        }
        // keys/values/toPairs yield Go's random map order; compare those results as multisets.
        if (value is IList && (row.Expression.Contains("keys(", StringComparison.Ordinal)
            || row.Expression.Contains("values(", StringComparison.Ordinal)
            || row.Expression.Contains("toPairs(", StringComparison.Ordinal)) && expected.StartsWith('['))
        {
            try
            {
                using var doc = JsonDocument.Parse(expected);
                var expectedItems = doc.RootElement.EnumerateArray().Select(e => e.GetRawText()).Order(StringComparer.Ordinal).ToList();
                var actualItems = ((IList)value).Cast<object?>().Select(ExprJson.Format).Order(StringComparer.Ordinal).ToList();
                return expectedItems.SequenceEqual(actualItems);
            }
            catch (JsonException)
            {
                return false;
            }
        }
        return false;
    }
}
