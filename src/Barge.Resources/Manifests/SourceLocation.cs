namespace Barge.Resources.Manifests;

/// <summary>A position in a manifest source: file (or <c>&lt;stdin&gt;</c>), 1-based line and column.</summary>
/// <param name="Source">The file path as given, or a name for a stream such as <c>&lt;stdin&gt;</c>.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record SourceLocation(string Source, int Line, int Column)
{
    /// <summary><c>file:line:column</c>.</summary>
    public override string ToString() => $"{Source}:{Line}:{Column}";
}
