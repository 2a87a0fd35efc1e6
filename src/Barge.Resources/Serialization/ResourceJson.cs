using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Barge.Resources.Serialization;

/// <summary>
/// The one set of System.Text.Json options for the model: Kargo's camelCase names, strict decoding
/// (unknown fields are errors), and Kubernetes-style output that omits nulls, zero values and empty
/// collections (Go's <c>omitempty</c>).
/// </summary>
internal static class ResourceJson
{
    /// <summary>Nesting limit for binding; the manifest reader enforces a smaller one with positions.</summary>
    public const int MaxDepth = 256;

    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions IndentedOptions { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            MaxDepth = MaxDepth,
            WriteIndented = indented,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmpty } },
        };
        options.Converters.Add(new RfcTimestampConverter());
        options.MakeReadOnly();
        return options;
    }

    private static void OmitEmpty(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        foreach (var property in typeInfo.Properties)
        {
            var type = property.PropertyType;
            if (type == typeof(string))
            {
                property.ShouldSerialize = static (_, value) => value is string { Length: > 0 };
            }
            else if (typeof(ICollection).IsAssignableFrom(type) || IsGenericCollection(type))
            {
                property.ShouldSerialize = static (_, value) => value is not null && Count(value) != 0;
            }
        }
    }

    private static bool IsGenericCollection(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>));

    private static int Count(object value) => value switch
    {
        ICollection c => c.Count,
        System.Text.Json.Nodes.JsonObject o => o.Count,
        _ => 1,
    };

    /// <summary>RFC 3339 in UTC with a <c>Z</c> suffix and only the fractional digits needed, as Kubernetes writes times.</summary>
    private sealed class RfcTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("expected an RFC 3339 timestamp string");
            }
            var text = reader.GetString()!;
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value)
                || text.Length < 20 || text[10] != 'T')
            {
                throw new JsonException($"invalid timestamp \"{text}\": expected RFC 3339, e.g. 2024-01-31T12:00:00Z");
            }
            return value.ToUniversalTime();
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}
