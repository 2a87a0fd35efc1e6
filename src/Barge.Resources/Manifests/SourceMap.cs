namespace Barge.Resources.Manifests;

/// <summary>
/// Where each node of a document came from: field path → position of its value and, for mapping
/// entries, of its key. A lookup for a path that does not exist (a missing required field) falls
/// back to the nearest ancestor that does.
/// </summary>
internal sealed class SourceMap(string source)
{
    private readonly Dictionary<string, (int Line, int Column)> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Line, int Column)> keys = new(StringComparer.Ordinal);

    public string Source { get; } = source;

    public void AddValue(string path, int line, int column) => values.TryAdd(path, (line, column));

    public void AddKey(string path, int line, int column) => keys.TryAdd(path, (line, column));

    /// <summary>The position of the value at <paramref name="path"/> (or of its nearest ancestor).</summary>
    public SourceLocation ValueAt(string path) => Find(values, path);

    /// <summary>The position of the key of the entry at <paramref name="path"/>, else of its value.</summary>
    public SourceLocation KeyAt(string path) =>
        keys.TryGetValue(path, out var mark) ? new SourceLocation(Source, mark.Line, mark.Column) : Find(values, path);

    private SourceLocation Find(Dictionary<string, (int Line, int Column)> marks, string path)
    {
        var current = path;
        while (true)
        {
            if (marks.TryGetValue(current, out var mark))
            {
                return new SourceLocation(Source, mark.Line, mark.Column);
            }
            if (current.Length == 0)
            {
                return new SourceLocation(Source, 1, 1);
            }
            current = FieldPath.Parent(current);
        }
    }
}
