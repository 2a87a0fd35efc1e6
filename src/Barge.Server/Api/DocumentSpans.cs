using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Barge.Server.Api;

/// <summary>
/// Where each YAML document of a request body starts (1-based line), so that a problem the manifest
/// reader reports at a line can be attributed to its document. A malformed body yields the documents
/// that start before the point where the parser stopped.
/// </summary>
internal static class DocumentSpans
{
    /// <summary>The first line of every document, in order.</summary>
    public static IReadOnlyList<int> StartLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var starts = new List<int>();
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is DocumentStart start)
                {
                    starts.Add((int)start.Start.Line);
                }
            }
        }
        catch (YamlException)
        {
            // The reader reports the syntax error itself; the documents seen so far keep their lines.
        }
        return starts;
    }

    /// <summary>The index of the document holding <paramref name="line"/>: the last one starting at or before it (0 before the first).</summary>
    public static int DocumentAt(IReadOnlyList<int> starts, int line)
    {
        ArgumentNullException.ThrowIfNull(starts);
        var index = 0;
        for (var i = 0; i < starts.Count && starts[i] <= line; i++)
        {
            index = i;
        }
        return index;
    }
}
