namespace Barge.Engine.Promotion.Formats;

/// <summary>
/// kyaml's merge of one document into another: mappings merge recursively (keys already in the base
/// keep their place, new keys are appended in byte-wise order), anything else is replaced by the later
/// value, an explicit null removes the key, and a later node's comments replace the base's.
/// </summary>
internal static class YamlTreeMerge
{
    public static YamlTreeNode Merge(YamlTreeNode destination, YamlTreeNode source)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(source);
        if (destination is not YamlTreeMapping into || source is not YamlTreeMapping from)
        {
            return source;
        }
        into.TakeCommentsFrom(from);
        var added = new List<KeyValuePair<YamlTreeScalar, YamlTreeNode>>();
        foreach (var (key, value) in from.Entries)
        {
            var index = into.IndexOf(key.Value);
            if (value is YamlTreeScalar { IsNull: true })
            {
                if (index >= 0)
                {
                    into.Entries.RemoveAt(index);
                }
                continue;
            }
            if (index < 0)
            {
                added.Add(new(key, value));
                continue;
            }
            var existing = into.Entries[index];
            existing.Key.TakeCommentsFrom(key);
            into.Entries[index] = new(existing.Key, Merge(existing.Value, value));
        }
        into.Entries.AddRange(added.OrderBy(e => e.Key.Value, StringComparer.Ordinal));
        return into;
    }
}
