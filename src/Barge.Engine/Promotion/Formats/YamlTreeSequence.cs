namespace Barge.Engine.Promotion.Formats;

/// <summary>A sequence node.</summary>
internal sealed class YamlTreeSequence(bool flow = false) : YamlTreeNode
{
    public bool Flow { get; set; } = flow;

    public List<YamlTreeNode> Items { get; } = [];
}
