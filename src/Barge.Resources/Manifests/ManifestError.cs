using System.Text;

namespace Barge.Resources.Manifests;

/// <summary>
/// A problem with a manifest document, positioned in its source. Rendered as
/// <c>file:line:col (Kind "name") field.path: message</c>.
/// </summary>
/// <param name="Location">Where the problem is.</param>
/// <param name="Kind">The document's kind, when known.</param>
/// <param name="Name">The document's name, when known.</param>
/// <param name="Path">The field path, e.g. <c>spec.requestedFreight[1].origin.kind</c>; "" for the whole document or source.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ManifestError(SourceLocation Location, string? Kind, string? Name, string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString()
    {
        var text = new StringBuilder().Append(Location);
        if (!string.IsNullOrEmpty(Kind))
        {
            text.Append(" (").Append(Kind);
            if (!string.IsNullOrEmpty(Name))
            {
                text.Append(" \"").Append(Name).Append('"');
            }
            text.Append(')');
        }
        if (Path.Length > 0)
        {
            text.Append(' ').Append(Path);
        }
        return text.Append(": ").Append(Message).ToString();
    }
}
