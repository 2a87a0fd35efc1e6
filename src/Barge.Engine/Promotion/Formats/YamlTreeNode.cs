namespace Barge.Engine.Promotion.Formats;

/// <summary>
/// A YAML node that keeps its comments (head lines before it, a comment on its line, foot lines
/// after a collection's last item), its style and its anchor or tag, so a document can be edited as
/// data and written back in one normalised layout (kyaml's: 2-space indentation, sequences not
/// indented under their key) without losing comments.
/// </summary>
internal abstract class YamlTreeNode
{
    public List<string> HeadComments { get; } = [];

    public string? LineComment { get; set; }

    public List<string> FootComments { get; } = [];

    public string? Anchor { get; set; }

    public string? Tag { get; set; }

    /// <summary>Copies the comments of <paramref name="other"/> where it has any.</summary>
    public void TakeCommentsFrom(YamlTreeNode other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.HeadComments.Count > 0)
        {
            HeadComments.Clear();
            HeadComments.AddRange(other.HeadComments);
        }
        if (other.LineComment is not null)
        {
            LineComment = other.LineComment;
        }
        if (other.FootComments.Count > 0)
        {
            FootComments.Clear();
            FootComments.AddRange(other.FootComments);
        }
    }
}
