using System.Text.Json.Nodes;
using Barge.Resources.Serialization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Barge.Resources.Manifests;

/// <summary>
/// Turns YAML (or JSON, which YAML reads) text into one JSON tree per document, recording where every
/// node came from. Works on YamlDotNet's event stream rather than its representation model so that
/// alias expansion and nesting are bounded as they happen: an alias bomb or a pathologically deep
/// document fails with a positioned error instead of exhausting memory or the stack.
/// </summary>
internal sealed class YamlTreeBuilder
{
    /// <summary>Deepest nesting accepted; real manifests stay far below it.</summary>
    public const int MaxDepth = 100;

    /// <summary>Most nodes one document may expand to, counting alias expansions.</summary>
    public const int MaxNodes = 250_000;

    private readonly string source;
    private readonly Parser parser;
    private readonly Dictionary<string, (JsonNode? Node, int Count, int Height)> anchors = new(StringComparer.Ordinal);
    private SourceMap map;
    private int nodeCount;

    private YamlTreeBuilder(string source, string text)
    {
        this.source = source;
        parser = new Parser(new StringReader(text));
        map = new SourceMap(source);
    }

    /// <summary>A document's tree and source map.</summary>
    public sealed record RawDocument(JsonNode? Root, SourceMap Map, SourceLocation Start);

    /// <summary>Reads every document of <paramref name="text"/>; stops at the first structural error.</summary>
    public static (List<RawDocument> Documents, ManifestError? Error) Read(string source, string text)
    {
        var builder = new YamlTreeBuilder(source, text);
        var documents = new List<RawDocument>();
        try
        {
            builder.parser.Consume<StreamStart>();
            while (builder.parser.TryConsume<DocumentStart>(out var start))
            {
                builder.map = new SourceMap(source);
                builder.anchors.Clear();
                builder.nodeCount = 0;
                var (root, _) = builder.ReadNode("", 0);
                builder.parser.Consume<DocumentEnd>();
                documents.Add(new RawDocument(root, builder.map, new SourceLocation(source, (int)start.Start.Line, (int)start.Start.Column)));
            }
            builder.parser.Consume<StreamEnd>();
            return (documents, null);
        }
        catch (TreeException e)
        {
            return (documents, new ManifestError(e.Location, null, null, e.Path, e.Message));
        }
        catch (YamlException e)
        {
            var location = e.Message.Contains("tab", StringComparison.Ordinal) && FirstIndentingTab(text) is { } tab
                ? new SourceLocation(source, tab.Line, tab.Column)
                : new SourceLocation(source, (int)e.Start.Line, (int)e.Start.Column);
            return (documents, new ManifestError(location, null, null, "", "malformed YAML: " + StripMarks(e.Message)));
        }
    }

    private (JsonNode? Node, int Height) ReadNode(string path, int depth)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of input");
        if (depth > MaxDepth)
        {
            throw Fail(current.Start, path, $"nesting deeper than {MaxDepth} levels is not supported");
        }
        map.AddValue(path, (int)current.Start.Line, (int)current.Start.Column);
        JsonNode? node;
        int height;
        var countBefore = nodeCount;
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                return Expand(alias, path, depth);
            case Scalar scalar:
                parser.MoveNext();
                Count(current.Start, path, 1);
                node = ScalarValue(scalar, path);
                height = 0;
                Remember(scalar.Anchor, node, countBefore, height);
                return (node, height);
            case SequenceStart sequenceStart:
                parser.MoveNext();
                Count(current.Start, path, 1);
                (node, height) = ReadSequence(path, depth);
                Remember(sequenceStart.Anchor, node, countBefore, height);
                return (node, height);
            case MappingStart mappingStart:
                parser.MoveNext();
                Count(current.Start, path, 1);
                (node, height) = ReadMapping(path, depth);
                Remember(mappingStart.Anchor, node, countBefore, height);
                return (node, height);
            default:
                throw Fail(current.Start, path, $"unexpected YAML event {current.GetType().Name}");
        }
    }

    private (JsonNode Node, int Height) ReadSequence(string path, int depth)
    {
        var array = new JsonArray();
        var height = 0;
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            var (item, itemHeight) = ReadNode(FieldPath.Item(path, array.Count), depth + 1);
            array.Add(item);
            height = Math.Max(height, itemHeight);
        }
        return (array, height + 1);
    }

    private (JsonNode Node, int Height) ReadMapping(string path, int depth)
    {
        var obj = new JsonObject();
        var height = 0;
        var merges = new List<(JsonNode? Node, Mark At)>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current!;
            if (keyEvent is not Scalar keyScalar)
            {
                throw Fail(keyEvent.Start, path, "mapping keys must be scalars");
            }
            parser.MoveNext();
            var key = keyScalar.Value;
            if (key == "<<" && keyScalar.IsPlainImplicit)
            {
                var (merged, mergedHeight) = ReadNode(path, depth);
                merges.Add((merged, keyEvent.Start));
                height = Math.Max(height, mergedHeight - 1);
                continue;
            }
            var childPath = FieldPath.Child(path, key);
            if (obj.ContainsKey(key))
            {
                throw Fail(keyEvent.Start, childPath, $"duplicate key \"{key}\"");
            }
            map.AddKey(childPath, (int)keyEvent.Start.Line, (int)keyEvent.Start.Column);
            var (value, valueHeight) = ReadNode(childPath, depth + 1);
            obj[key] = value;
            height = Math.Max(height, valueHeight);
        }
        foreach (var (merged, at) in merges)
        {
            Merge(obj, merged, at, path);
        }
        return (obj, height + 1);
    }

    /// <summary>
    /// A YAML merge key (<c>&lt;&lt;: *base</c>, or a list of them), which Kubernetes' YAML decoder honours:
    /// keys of the merged mappings are added unless the mapping sets them itself; earlier merges win.
    /// </summary>
    private void Merge(JsonObject target, JsonNode? merged, Mark at, string path)
    {
        IEnumerable<JsonNode?> sources = merged is JsonArray list ? list : [merged];
        foreach (var source in sources)
        {
            if (source is not JsonObject mapping)
            {
                throw Fail(at, path, "a merge key (<<) must refer to a mapping or a list of mappings");
            }
            foreach (var (key, value) in mapping)
            {
                if (!target.ContainsKey(key))
                {
                    target[key] = value?.DeepClone();
                }
            }
        }
    }

    private (JsonNode? Node, int Height) Expand(AnchorAlias alias, string path, int depth)
    {
        if (!anchors.TryGetValue(alias.Value.Value, out var anchored))
        {
            throw Fail(alias.Start, path, $"unknown YAML anchor \"{alias.Value}\"");
        }
        if (depth + anchored.Height > MaxDepth)
        {
            throw Fail(alias.Start, path, $"alias \"*{alias.Value}\" nests deeper than {MaxDepth} levels");
        }
        Count(alias.Start, path, anchored.Count);
        return (anchored.Node?.DeepClone(), anchored.Height);
    }

    private void Remember(AnchorName anchor, JsonNode? node, int countBefore, int height)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = (node, nodeCount - countBefore, height);
        }
    }

    private void Count(Mark at, string path, int count)
    {
        nodeCount += count;
        if (nodeCount > MaxNodes)
        {
            throw Fail(at, path, $"document expands to more than {MaxNodes:N0} nodes (a YAML alias bomb?); refusing to read it");
        }
    }

    private JsonNode? ScalarValue(Scalar scalar, string path)
    {
        var tag = scalar.Tag.IsEmpty ? "" : scalar.Tag.Value;
        if (tag is "tag:yaml.org,2002:str" or "!")
        {
            return JsonValue.Create(scalar.Value);
        }
        if (tag.Length == 0 && !scalar.IsPlainImplicit)
        {
            return JsonValue.Create(scalar.Value);
        }
        if (tag.Length > 0 && tag is not ("tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" or "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:null"))
        {
            throw Fail(scalar.Start, path, $"unsupported YAML tag \"{tag}\"");
        }
        var value = CoreSchema.ToJson(scalar.Value, out var error);
        if (error is not null)
        {
            throw Fail(scalar.Start, path, error);
        }
        if (tag.Length > 0 && !TagMatches(tag, scalar.Value))
        {
            throw Fail(scalar.Start, path, $"\"{scalar.Value}\" is not a valid {tag[(tag.LastIndexOf(':') + 1)..]}");
        }
        return value;
    }

    private static bool TagMatches(string tag, string value) => (tag, CoreSchema.Resolve(value)) switch
    {
        ("tag:yaml.org,2002:int", CoreSchema.ScalarType.Int) => true,
        ("tag:yaml.org,2002:float", CoreSchema.ScalarType.Float or CoreSchema.ScalarType.Int) => true,
        ("tag:yaml.org,2002:bool", CoreSchema.ScalarType.Bool) => true,
        ("tag:yaml.org,2002:null", CoreSchema.ScalarType.Null) => true,
        _ => false,
    };

    private TreeException Fail(Mark at, string path, string message) =>
        new(new SourceLocation(source, (int)at.Line, (int)at.Column), path, message);

    /// <summary>YamlDotNet places tab-indentation errors at the start of the mapping; point at the tab instead.</summary>
    private static (int Line, int Column)? FirstIndentingTab(string text)
    {
        var line = 1;
        var column = 1;
        var indenting = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                indenting = true;
                continue;
            }
            if (indenting && c == '\t')
            {
                return (line, column);
            }
            indenting &= c == ' ';
            column++;
        }
        return null;
    }

    private static string StripMarks(string message)
    {
        // YamlDotNet prefixes "(Line: 1, Col: 2, Idx: 1) - (Line: …): "; the position is reported separately.
        if (message.StartsWith("(Line:", StringComparison.Ordinal))
        {
            var end = message.IndexOf("): ", StringComparison.Ordinal);
            if (end >= 0)
            {
                return message[(end + 3)..];
            }
        }
        return message;
    }

    private sealed class TreeException(SourceLocation location, string path, string message) : Exception(message)
    {
        public SourceLocation Location { get; } = location;

        public string Path { get; } = path;
    }
}
