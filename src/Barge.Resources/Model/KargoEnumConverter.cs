using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>
/// Reads and writes an enum by its exact Kargo spelling (case-sensitive, as the CRD schemas' enum
/// rules are). An unknown spelling fails with the supported values listed, which the manifest reader
/// turns into a positioned error.
/// </summary>
public sealed class KargoEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByName =
        Enum.GetValues<T>().ToFrozenDictionary(v => v.ToString(), v => v, StringComparer.Ordinal);

    /// <summary>The accepted spellings, in declaration order, quoted and comma-separated.</summary>
    private static readonly string SupportedValues = string.Join(", ", Enum.GetNames<T>().Select(n => "\"" + n + "\""));

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected string, got {Describe(reader.TokenType)}; supported values: {SupportedValues}");
        }
        var text = reader.GetString()!;
        if (ByName.TryGetValue(text, out var value))
        {
            return value;
        }
        throw new JsonException($"unsupported value \"{text}\"; supported values: {SupportedValues}");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "list",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
