using YamlDotNet.Core;

namespace Barge.Engine.Promotion.Formats;

/// <summary>A scalar node.</summary>
internal sealed class YamlTreeScalar(string value, ScalarStyle style = ScalarStyle.Any, string? sourceText = null) : YamlTreeNode
{
    public string Value { get; } = value;

    /// <summary>The style the scalar was read with; <see cref="ScalarStyle.Any"/> for a new value (encoded afresh).</summary>
    public ScalarStyle Style { get; } = style;

    /// <summary>The scalar's text as it appeared in the source (single-line scalars only), written back unchanged.</summary>
    public string? SourceText { get; } = sourceText;

    public bool IsNull => Style is ScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL" && Tag is null;
}
