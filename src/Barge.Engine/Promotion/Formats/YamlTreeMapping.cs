namespace Barge.Engine.Promotion.Formats;

/// <summary>A mapping node; entries keep their order.</summary>
internal sealed class YamlTreeMapping(bool flow = false) : YamlTreeNode
{
    public bool Flow { get; set; } = flow;

    public List<KeyValuePair<YamlTreeScalar, YamlTreeNode>> Entries { get; } = [];

    public int IndexOf(string key) => Entries.FindIndex(e => e.Key.Value == key);

    public YamlTreeNode? this[string key] => IndexOf(key) is var i and >= 0 ? Entries[i].Value : null;

    public void Set(string key, YamlTreeNode value)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            Entries[i] = new(Entries[i].Key, value);
        }
        else
        {
            Entries.Add(new(new YamlTreeScalar(key), value));
        }
    }
}
