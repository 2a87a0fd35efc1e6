using System.Text;
using YamlDotNet.Core;

namespace Barge.Engine.Promotion.Formats;

/// <summary>
/// Writes a <see cref="YamlTreeNode"/> tree in kyaml's layout: 2-space indentation, sequences not
/// indented under their key, no line wrapping, one space before a line comment. Scalars read from a
/// file keep their source text; new scalars are quoted only when YAML would read them as something else.
/// </summary>
internal static class YamlTreeWriter
{
    private static readonly System.Buffers.SearchValues<char> FlowIndicators = System.Buffers.SearchValues.Create(":,[]{}#");

    public static string Write(YamlTreeNode? root)
    {
        if (root is null)
        {
            return "";
        }
        var sb = new StringBuilder();
        Comments(sb, root.HeadComments, 0);
        switch (root)
        {
            case YamlTreeMapping { Flow: false, Entries.Count: > 0 } mapping:
                Properties(sb, mapping, trailingNewline: true);
                BlockMapping(sb, mapping, 0, firstInline: false);
                break;
            case YamlTreeSequence { Flow: false, Items.Count: > 0 } sequence:
                Properties(sb, sequence, trailingNewline: true);
                BlockSequence(sb, sequence, 0);
                break;
            default:
                sb.Append(Inline(root, inFlow: false));
                LineComment(sb, root);
                sb.Append('\n');
                break;
        }
        Comments(sb, root.FootComments, 0);
        return sb.ToString();
    }

    private static void BlockMapping(StringBuilder sb, YamlTreeMapping mapping, int indent, bool firstInline)
    {
        var first = true;
        foreach (var (key, value) in mapping.Entries)
        {
            if (!(first && firstInline))
            {
                Comments(sb, key.HeadComments, indent);
                sb.Append(' ', indent);
            }
            first = false;
            sb.Append(Inline(key, inFlow: false)).Append(':');
            Value(sb, value, indent, key);
        }
        Comments(sb, mapping.FootComments, indent);
    }

    private static void BlockSequence(StringBuilder sb, YamlTreeSequence sequence, int indent)
    {
        foreach (var item in sequence.Items)
        {
            Comments(sb, item.HeadComments, indent);
            sb.Append(' ', indent).Append('-');
            switch (item)
            {
                case YamlTreeMapping { Flow: false, Entries.Count: > 0 } mapping when mapping.Anchor is null && mapping.Tag is null:
                    sb.Append(' ');
                    Comments(sb, mapping.Entries[0].Key.HeadComments, 0, inlineFirst: true, indent + 2);
                    BlockMapping(sb, mapping, indent + 2, firstInline: true);
                    break;
                case YamlTreeSequence { Flow: false, Items.Count: > 0 } nested
                    when nested.Anchor is null && nested.Tag is null && nested.HeadComments.Count == 0 && nested.Items[0].HeadComments.Count == 0:
                    // A sequence in a sequence starts on the item's line: "- - a".
                    var inner = new StringBuilder();
                    BlockSequence(inner, nested, indent + 2);
                    sb.Append(' ').Append(inner, indent + 2, inner.Length - indent - 2);
                    break;
                default:
                    Value(sb, item, indent, owner: null);
                    break;
            }
        }
        Comments(sb, sequence.FootComments, indent);
    }

    /// <summary>Writes a value after <c>key:</c> or <c>-</c>, then its line end.</summary>
    private static void Value(StringBuilder sb, YamlTreeNode value, int indent, YamlTreeScalar? owner)
    {
        switch (value)
        {
            case YamlTreeMapping { Flow: false, Entries.Count: > 0 } mapping:
                Properties(sb, mapping, trailingNewline: false, leadingSpace: true);
                LineComment(sb, owner);
                LineComment(sb, mapping);
                sb.Append('\n');
                Comments(sb, mapping.HeadComments, indent + 2);
                BlockMapping(sb, mapping, indent + 2, firstInline: false);
                return;
            case YamlTreeSequence { Flow: false, Items.Count: > 0 } sequence:
                Properties(sb, sequence, trailingNewline: false, leadingSpace: true);
                LineComment(sb, owner);
                LineComment(sb, sequence);
                sb.Append('\n');
                // A sequence under a mapping key is not indented; under a sequence item it is.
                var at = owner is null ? indent + 2 : indent;
                Comments(sb, sequence.HeadComments, at);
                BlockSequence(sb, sequence, at);
                return;
            case YamlTreeScalar { Style: ScalarStyle.Literal or ScalarStyle.Folded } block when block.Value.Contains('\n', StringComparison.Ordinal):
                sb.Append(' ');
                BlockScalar(sb, block, indent + 2);
                return;
            default:
                if (owner is not null && value.HeadComments.Count > 0)
                {
                    // Comments between a key and its scalar value move above the key's line in kyaml; keep them on the value's line.
                    value.LineComment ??= string.Join(' ', value.HeadComments);
                }
                sb.Append(' ').Append(Inline(value, inFlow: false));
                LineComment(sb, owner);
                LineComment(sb, value);
                sb.Append('\n');
                return;
        }
    }

    private static void BlockScalar(StringBuilder sb, YamlTreeScalar scalar, int indent)
    {
        var value = scalar.Value;
        var chomp = !value.EndsWith('\n') ? "-" : value.EndsWith("\n\n", StringComparison.Ordinal) ? "+" : "";
        var leadingSpace = value.StartsWith(' ') ? "2" : "";
        Properties(sb, scalar, trailingNewline: false);
        sb.Append('|').Append(leadingSpace).Append(chomp);
        LineComment(sb, scalar);
        sb.Append('\n');
        var body = value.EndsWith('\n') ? value[..^1] : value;
        foreach (var line in body.Split('\n'))
        {
            if (line.Length > 0)
            {
                sb.Append(' ', indent).Append(line);
            }
            sb.Append('\n');
        }
    }

    /// <summary>A node written on one line (flow collections, scalars, aliases).</summary>
    private static string Inline(YamlTreeNode node, bool inFlow)
    {
        var props = (node.Anchor is null ? "" : "&" + node.Anchor + " ") + (node.Tag is null ? "" : TagText(node.Tag) + " ");
        return props + node switch
        {
            YamlTreeAlias alias => "*" + alias.Name,
            YamlTreeScalar scalar => ScalarText(scalar, inFlow),
            YamlTreeSequence sequence => "[" + string.Join(", ", sequence.Items.Select(i => Inline(i, inFlow: true))) + "]",
            YamlTreeMapping mapping => "{" + string.Join(", ", mapping.Entries.Select(e => Inline(e.Key, true) + ": " + Inline(e.Value, true))) + "}",
            _ => "",
        };
    }

    private static string ScalarText(YamlTreeScalar scalar, bool inFlow)
    {
        if (scalar.SourceText is { } source && !(inFlow && scalar.Style == ScalarStyle.Plain && source.AsSpan().IndexOfAny(",[]{}") >= 0))
        {
            return source;
        }
        var value = scalar.Value;
        if (value.Contains('\n', StringComparison.Ordinal) || value.AsSpan().IndexOfAny("\t\r") >= 0)
        {
            return GoFormat.Quote(value);
        }
        if (scalar.Style == ScalarStyle.SingleQuoted || (inFlow && value.AsSpan().IndexOfAny(FlowIndicators) >= 0 && !YamlScalarQuoting.NeedsQuotes(value, inFlow: false)))
        {
            return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
        }
        if (scalar.Style == ScalarStyle.DoubleQuoted || NeedsQuotes(value, inFlow))
        {
            return GoFormat.Quote(value);
        }
        return value;
    }

    /// <summary>A new plain string is quoted when YAML 1.2 or 1.1 would read it as another type, or could not read it plain.</summary>
    private static bool NeedsQuotes(string value, bool inFlow) =>
        YamlScalarQuoting.NeedsQuotes(value, inFlow)
        || value is "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO" or "on" or "On" or "ON" or "off" or "Off" or "OFF";

    private static string TagText(string tag) =>
        tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag.StartsWith('!') ? tag : "!<" + tag + ">";

    private static void Properties(StringBuilder sb, YamlTreeNode node, bool trailingNewline, bool leadingSpace = false)
    {
        var props = (node.Anchor is null ? "" : "&" + node.Anchor) + (node.Tag is null ? "" : (node.Anchor is null ? "" : " ") + TagText(node.Tag));
        if (props.Length == 0)
        {
            return;
        }
        sb.Append(leadingSpace ? " " : "").Append(props);
        if (trailingNewline)
        {
            sb.Append('\n');
        }
        else if (!leadingSpace)
        {
            sb.Append(' ');
        }
    }

    private static void LineComment(StringBuilder sb, YamlTreeNode? node)
    {
        if (node?.LineComment is { Length: > 0 } comment)
        {
            sb.Append(" #").Append(comment.Length > 0 && comment[0] != ' ' ? " " : "").Append(comment);
        }
    }

    private static void Comments(StringBuilder sb, List<string> comments, int indent, bool inlineFirst = false, int nextIndent = 0)
    {
        if (inlineFirst)
        {
            // Head comments of the first key of a mapping that starts on a "- " line go above that line's content.
            if (comments.Count == 0)
            {
                return;
            }
            foreach (var comment in comments)
            {
                sb.Append('#').Append(comment.Length > 0 ? " " + comment : "").Append('\n').Append(' ', nextIndent);
            }
            comments.Clear();
            return;
        }
        foreach (var comment in comments)
        {
            sb.Append(' ', indent).Append('#').Append(comment.Length > 0 ? " " + comment : "").Append('\n');
        }
    }
}
