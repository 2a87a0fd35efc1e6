using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Barge.Cli.Output;

/// <summary>
/// Prints resources as Kargo manifests (<c>apiVersion/kind/metadata/spec/status</c>) the way Kargo's
/// CLI does: exactly one object alone, zero or several wrapped in a v1 <c>List</c>; JSON indented by 4.
/// </summary>
internal static class ManifestPrinter
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter writer, OutputFormat format, IReadOnlyList<JsonObject> manifests, bool single)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(manifests);
        JsonNode document = single && manifests.Count == 1
            ? manifests[0]
            : new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "List",
                ["metadata"] = new JsonObject(),
                ["items"] = new JsonArray([.. manifests.Select(m => (JsonNode)m)]),
            };
        switch (format)
        {
            case OutputFormat.Json:
                writer.WriteLine(document.ToJsonString(Indented));
                break;
            case OutputFormat.Yaml:
                YamlJsonWriter.Write(writer, document);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "not a manifest format");
        }
        // The items were moved under the List; detach them again so the caller's objects stay usable.
        if (document is JsonObject list && list["items"] is JsonArray items)
        {
            items.Clear();
        }
    }
}
