using YamlDotNet.Core;

namespace Barge.Engine.Promotion.Formats;

/// <summary>
/// The first document of a YAML text as a tree whose scalars remember where their value text is,
/// so an edit can replace exactly those characters and leave everything else — comments, quoting
/// of other values, anchors, layout — as it was.
/// </summary>
internal abstract record YamlSpanNode
{
    private YamlSpanNode()
    {
    }

    internal sealed record Mapping(IReadOnlyList<KeyValuePair<string?, YamlSpanNode>> Entries) : YamlSpanNode;

    internal sealed record Sequence(IReadOnlyList<YamlSpanNode> Items) : YamlSpanNode;

    /// <summary>A scalar; <see cref="Start"/>..<see cref="End"/> cover its value text only (not its anchor or tag).</summary>
    internal sealed record Scalar(string Value, ScalarStyle Style, int Start, int End, bool InFlow) : YamlSpanNode;

    internal sealed record Alias : YamlSpanNode;

    /// <summary>
    /// Parses the first document of <paramref name="text"/>. Null (with <paramref name="error"/> set)
    /// when the text is not YAML; <paramref name="root"/> is null for a text without a document.
    /// </summary>
    public static bool TryParse(string text, out YamlSpanNode? root, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        root = null;
        error = "";
        try
        {
            var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
            var builder = new SpanTreeBuilder(text, parser);
            root = builder.ReadFirstDocument();
            return true;
        }
        catch (YamlException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private sealed class SpanTreeBuilder(string text, IParser parser)
    {
        private int flowDepth;

        public YamlSpanNode? ReadFirstDocument()
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case YamlDotNet.Core.Events.DocumentStart:
                        parser.MoveNext();
                        return parser.Current is YamlDotNet.Core.Events.DocumentEnd ? null : ReadNode();
                    case YamlDotNet.Core.Events.StreamEnd:
                        return null;
                    default:
                        continue;
                }
            }
            return null;
        }

        /// <summary>Reads the node at the current event, leaving the parser on its last event.</summary>
        private YamlSpanNode ReadNode()
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.Scalar scalar:
                    return ToScalar(scalar);
                case YamlDotNet.Core.Events.AnchorAlias:
                    return new Alias();
                case YamlDotNet.Core.Events.SequenceStart start:
                {
                    var flow = start.Style == YamlDotNet.Core.Events.SequenceStyle.Flow;
                    flowDepth += flow ? 1 : 0;
                    var items = new List<YamlSpanNode>();
                    while (Next() is not YamlDotNet.Core.Events.SequenceEnd)
                    {
                        items.Add(ReadNode());
                    }
                    flowDepth -= flow ? 1 : 0;
                    return new Sequence(items);
                }
                case YamlDotNet.Core.Events.MappingStart start:
                {
                    var flow = start.Style == YamlDotNet.Core.Events.MappingStyle.Flow;
                    flowDepth += flow ? 1 : 0;
                    var entries = new List<KeyValuePair<string?, YamlSpanNode>>();
                    while (Next() is not YamlDotNet.Core.Events.MappingEnd)
                    {
                        var key = ReadNode();
                        Next();
                        var value = ReadNode();
                        entries.Add(new(key is Scalar k ? k.Value : null, value));
                    }
                    flowDepth -= flow ? 1 : 0;
                    return new Mapping(entries);
                }
                default:
                    throw new YamlException(parser.Current!.Start, parser.Current.End, "unexpected YAML event " + parser.Current.GetType().Name);
            }
        }

        private YamlDotNet.Core.Events.ParsingEvent Next()
        {
            if (!parser.MoveNext())
            {
                throw new YamlException("unexpected end of YAML input");
            }
            return parser.Current!;
        }

        private Scalar ToScalar(YamlDotNet.Core.Events.Scalar scalar)
        {
            var start = (int)scalar.Start.Index;
            var end = (int)scalar.End.Index;
            if (!scalar.Anchor.IsEmpty || !scalar.Tag.IsEmpty)
            {
                start = SkipProperties(start, end);
            }
            return new Scalar(scalar.Value, scalar.Style, start, end, flowDepth > 0);
        }

        /// <summary>Moves past <c>&amp;anchor</c> and <c>!tag</c> properties and the blanks after them.</summary>
        private int SkipProperties(int index, int end)
        {
            while (index < end && text[index] is '&' or '!')
            {
                while (index < end && !char.IsWhiteSpace(text[index]))
                {
                    index++;
                }
                while (index < end && char.IsWhiteSpace(text[index]))
                {
                    index++;
                }
            }
            return index;
        }
    }
}
