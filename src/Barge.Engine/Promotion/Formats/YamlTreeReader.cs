using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Barge.Engine.Promotion.Formats;

/// <summary>Reads the first document of a YAML text into a <see cref="YamlTreeNode"/> tree, comments attached.</summary>
internal static class YamlTreeReader
{
    /// <summary>
    /// The first document's root; null root for a text with no document. False, with
    /// <paramref name="error"/> set, when the text is not YAML.
    /// </summary>
    public static bool TryRead(string text, out YamlTreeNode? root, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        root = null;
        error = "";
        try
        {
            var parser = new Parser(new Scanner(new StringReader(text), skipComments: false));
            root = new Builder(text, parser).ReadFirstDocument();
            return true;
        }
        catch (YamlException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private sealed class Builder(string text, IParser parser)
    {
        private readonly List<string> pendingComments = [];
        private YamlTreeNode? lastNode;

        public YamlTreeNode? ReadFirstDocument()
        {
            while (Next() is not DocumentStart)
            {
                if (parser.Current is StreamEnd)
                {
                    return null;
                }
            }
            var first = Next();
            if (first is DocumentEnd)
            {
                return null;
            }
            var root = ReadNode();
            Next();
            if (parser.Current is Comment)
            {
                // Comments after the root node are its foot comments.
                ReadCommentsInto(root);
            }
            root.FootComments.AddRange(pendingComments);
            pendingComments.Clear();
            return root;
        }

        private void ReadCommentsInto(YamlTreeNode owner)
        {
            while (parser.Current is Comment comment)
            {
                AddComment(comment);
                Next();
            }
            owner.FootComments.AddRange(pendingComments);
            pendingComments.Clear();
        }

        private void AddComment(Comment comment)
        {
            if (comment.IsInline && lastNode is not null)
            {
                lastNode.LineComment = comment.Value.Trim();
            }
            else
            {
                pendingComments.Add(comment.Value.Trim());
            }
        }

        /// <summary>Reads the node at the current event (skipping comments before it), leaving the parser on its last event.</summary>
        private YamlTreeNode ReadNode()
        {
            while (parser.Current is Comment comment)
            {
                AddComment(comment);
                Next();
            }
            YamlTreeNode node;
            switch (parser.Current)
            {
                case Scalar scalar:
                    var from = (int)scalar.Start.Index;
                    var to = (int)scalar.End.Index;
                    var source = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Plain
                                 && to <= text.Length && to > from && text.AsSpan(from, to - from).IndexOfAny('\n', '\r') < 0
                        ? SourceOfValue(from, to, scalar)
                        : null;
                    node = new YamlTreeScalar(scalar.Value, scalar.Style, source);
                    SetProperties(node, scalar.Anchor, scalar.Tag, scalar.IsPlainImplicit || scalar.IsQuotedImplicit);
                    Attach(node);
                    return node;
                case AnchorAlias alias:
                    node = new YamlTreeAlias(alias.Value.Value);
                    Attach(node);
                    return node;
                case SequenceStart start:
                {
                    var sequence = new YamlTreeSequence(start.Style == SequenceStyle.Flow);
                    SetProperties(sequence, start.Anchor, start.Tag, start.IsImplicit);
                    Attach(sequence);
                    while (Next() is not SequenceEnd)
                    {
                        if (parser.Current is Comment comment)
                        {
                            AddComment(comment);
                            continue;
                        }
                        sequence.Items.Add(ReadNode());
                    }
                    sequence.FootComments.AddRange(pendingComments);
                    pendingComments.Clear();
                    lastNode = sequence;
                    return sequence;
                }
                case MappingStart start:
                {
                    var mapping = new YamlTreeMapping(start.Style == MappingStyle.Flow);
                    SetProperties(mapping, start.Anchor, start.Tag, start.IsImplicit);
                    Attach(mapping);
                    while (Next() is not MappingEnd)
                    {
                        if (parser.Current is Comment comment)
                        {
                            AddComment(comment);
                            continue;
                        }
                        if (ReadNode() is not YamlTreeScalar key)
                        {
                            throw new YamlException(parser.Current!.Start, parser.Current.End, "complex mapping keys are not supported");
                        }
                        if (key.Style == ScalarStyle.Plain && key.Value.Length == 0)
                        {
                            throw new YamlException(parser.Current!.Start, parser.Current.End, "did not find expected key");
                        }
                        Next();
                        var value = ReadNode();
                        mapping.Entries.Add(new(key, value));
                    }
                    mapping.FootComments.AddRange(pendingComments);
                    pendingComments.Clear();
                    lastNode = mapping;
                    return mapping;
                }
                default:
                    throw new YamlException(parser.Current!.Start, parser.Current.End, "unexpected " + parser.Current.GetType().Name);
            }
        }

        private void Attach(YamlTreeNode node)
        {
            node.HeadComments.AddRange(pendingComments);
            pendingComments.Clear();
            lastNode = node;
        }

        private static void SetProperties(YamlTreeNode node, AnchorName anchor, TagName tag, bool implicitTag)
        {
            if (!anchor.IsEmpty)
            {
                node.Anchor = anchor.Value;
            }
            if (!tag.IsEmpty && !implicitTag)
            {
                node.Tag = tag.Value;
            }
        }

        private string? SourceOfValue(int start, int end, Scalar scalar)
        {
            // The event starts at an anchor or tag when the scalar has one; keep only the value's text.
            var slice = text[start..end];
            if (!scalar.Anchor.IsEmpty || !scalar.Tag.IsEmpty)
            {
                var i = 0;
                while (i < slice.Length && slice[i] is '&' or '!')
                {
                    while (i < slice.Length && !char.IsWhiteSpace(slice[i]))
                    {
                        i++;
                    }
                    while (i < slice.Length && char.IsWhiteSpace(slice[i]))
                    {
                        i++;
                    }
                }
                slice = slice[i..];
            }
            return slice.TrimEnd();
        }

        private ParsingEvent Next()
        {
            if (!parser.MoveNext())
            {
                throw new YamlException("unexpected end of YAML input");
            }
            return parser.Current!;
        }
    }
}
