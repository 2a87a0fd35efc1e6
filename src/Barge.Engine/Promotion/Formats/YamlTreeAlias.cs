namespace Barge.Engine.Promotion.Formats;

/// <summary>An alias (<c>*name</c>) to an anchored node.</summary>
internal sealed class YamlTreeAlias(string name) : YamlTreeNode
{
    public string Name { get; } = name;
}
