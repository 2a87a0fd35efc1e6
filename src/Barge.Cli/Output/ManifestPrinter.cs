using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Barge.Engine.Manifests;
using Barge.Storage;

namespace Barge.Cli.Output;

/// <summary>
/// Prints resources as Kargo manifests (<c>apiVersion/kind/metadata/spec/status</c>) the way Kargo's
/// CLI does: exactly one object alone, zero or several wrapped in a v1 <c>List</c>; JSON indented by 4.
/// </summary>
internal static class ManifestPrinter
{
    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter writer, OutputFormat format, IReadOnlyList<StoredResource> resources)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(resources);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var json = new Utf8JsonWriter(buffer, Indented))
        {
            if (resources.Count == 1)
            {
                ManifestEnvelope.WriteManifest(json, resources[0]);
            }
            else
            {
                json.WriteStartObject();
                json.WriteString("apiVersion", "v1");
                json.WriteString("kind", "List");
                json.WriteStartObject("metadata");
                json.WriteEndObject();
                json.WriteStartArray("items");
                foreach (var resource in resources)
                {
                    ManifestEnvelope.WriteManifest(json, resource);
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
        }
        switch (format)
        {
            case OutputFormat.Json:
                writer.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
                break;
            case OutputFormat.Yaml:
                YamlJsonWriter.Write(writer, System.Text.Json.Nodes.JsonNode.Parse(buffer.WrittenSpan));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "not a manifest format");
        }
    }
}
