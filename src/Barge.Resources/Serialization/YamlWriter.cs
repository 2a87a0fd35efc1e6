using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Barge.Resources.Serialization;

/// <summary>
/// Writes a JSON tree as block-style YAML. Strings that YAML 1.2's core schema would read back as
/// something else (<c>true</c>, <c>1.0</c>, <c>null</c>, <c>""</c>) are quoted, so the output reads
/// back to the same tree; multi-line strings use literal blocks.
/// </summary>
internal static class YamlWriter
{
    public static void Write(TextWriter output, JsonNode? root)
    {
        var emitter = new Emitter(output, bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        WriteNode(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
    }

    private static void WriteNode(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            case JsonObject obj:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    WriteString(emitter, key);
                    WriteNode(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    WriteNode(emitter, item);
                }
                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value:
                WriteValue(emitter, value);
                break;
        }
    }

    private static void WriteValue(IEmitter emitter, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(emitter, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                emitter.Emit(new Scalar(null, null, "true", ScalarStyle.Plain, true, false));
                break;
            case JsonValueKind.False:
                emitter.Emit(new Scalar(null, null, "false", ScalarStyle.Plain, true, false));
                break;
            case JsonValueKind.Number:
                emitter.Emit(new Scalar(null, null, value.ToJsonString(), ScalarStyle.Plain, true, false));
                break;
            default:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
        }
    }

    private static void WriteString(IEmitter emitter, string text)
    {
        ScalarStyle style;
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            // The emitter falls back to a quoted style when a literal block cannot hold the text exactly.
            style = ScalarStyle.Literal;
        }
        else if (text.Length == 0 || CoreSchema.Resolve(text) is not CoreSchema.ScalarType.String || text.Trim() != text)
        {
            style = ScalarStyle.DoubleQuoted;
        }
        else
        {
            style = ScalarStyle.Any;
        }
        emitter.Emit(new Scalar(null, null, text, style, true, true));
    }

    public static string ToText(JsonNode? root)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, root);
        return writer.ToString();
    }
}
