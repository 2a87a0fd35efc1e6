using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Barge.Resources.Model;
using Barge.Resources.Serialization;

namespace Barge.Resources.Manifests;

/// <summary>
/// Checks a JSON tree against the model's serialisation contract before binding, collecting every
/// unknown field and type mismatch with its path. System.Text.Json would stop at the first one and
/// word it in CLR terms; Kubernetes' strict decoding reports them all, and so do we. Explicit nulls
/// are treated as absent (as Kubernetes does) and removed so that binding never trips on them.
/// </summary>
internal static class SchemaChecker
{
    public static List<(string Path, bool AtKey, string Message)> Check(JsonObject root, Type type)
    {
        var problems = new List<(string, bool, string)>();
        Visit(root, ResourceJson.Options.GetTypeInfo(type), "", problems);
        return problems;
    }

    private static void Visit(JsonNode node, JsonTypeInfo info, string path, List<(string, bool, string)> problems)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (typeof(JsonNode).IsAssignableFrom(type) || type == typeof(JsonElement))
        {
            if (type == typeof(JsonObject) && node is not JsonObject)
            {
                problems.Add((path, false, $"expected object, got {Describe(node)}"));
            }
            return;
        }
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                VisitObject(node, info, path, problems);
                break;
            case JsonTypeInfoKind.Enumerable:
                if (node is not JsonArray array)
                {
                    problems.Add((path, false, $"expected list, got {Describe(node)}"));
                    return;
                }
                var elementInfo = ResourceJson.Options.GetTypeInfo(info.ElementType!);
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        Visit(item, elementInfo, FieldPath.Item(path, i), problems);
                    }
                    else if (IsNonNullableValue(elementInfo.Type) || elementInfo.Type == typeof(string))
                    {
                        problems.Add((FieldPath.Item(path, i), false, $"expected {Friendly(elementInfo.Type)}, got null"));
                    }
                }
                break;
            case JsonTypeInfoKind.Dictionary:
                if (node is not JsonObject map)
                {
                    problems.Add((path, false, $"expected map, got {Describe(node)}"));
                    return;
                }
                var valueInfo = ResourceJson.Options.GetTypeInfo(info.ElementType!);
                foreach (var (key, value) in map)
                {
                    if (value is not null)
                    {
                        Visit(value, valueInfo, FieldPath.Child(path, key), problems);
                    }
                    else if (IsNonNullableValue(valueInfo.Type) || valueInfo.Type == typeof(string))
                    {
                        problems.Add((FieldPath.Child(path, key), false, $"expected {Friendly(valueInfo.Type)}, got null"));
                    }
                }
                break;
            default:
                CheckScalar(node, type, path, problems);
                break;
        }
    }

    private static void VisitObject(JsonNode node, JsonTypeInfo info, string path, List<(string, bool, string)> problems)
    {
        if (node is not JsonObject obj)
        {
            problems.Add((path, false, $"expected object, got {Describe(node)}"));
            return;
        }
        var (byName, extension) = Contracts.GetOrAdd(info.Type, static (_, typeInfo) => Contract(typeInfo), info);
        List<string>? nulls = null;
        foreach (var (key, value) in obj)
        {
            var childPath = FieldPath.Child(path, key);
            if (!byName.TryGetValue(key, out var property))
            {
                if (extension is null)
                {
                    problems.Add((childPath, true, $"unknown field \"{key}\""));
                }
                continue;
            }
            if (value is null)
            {
                (nulls ??= []).Add(key);
                continue;
            }
            Visit(value, ResourceJson.Options.GetTypeInfo(property.PropertyType), childPath, problems);
        }
        foreach (var key in nulls ?? [])
        {
            obj.Remove(key);
        }
    }

    private static readonly ConcurrentDictionary<Type, (FrozenDictionary<string, JsonPropertyInfo> ByName, JsonPropertyInfo? Extension)> Contracts = new();

    private static (FrozenDictionary<string, JsonPropertyInfo>, JsonPropertyInfo?) Contract(JsonTypeInfo info)
    {
        var byName = new Dictionary<string, JsonPropertyInfo>(StringComparer.Ordinal);
        JsonPropertyInfo? extension = null;
        foreach (var property in info.Properties)
        {
            if (property.IsExtensionData)
            {
                extension = property;
            }
            else
            {
                byName[property.Name] = property;
            }
        }
        return (byName.ToFrozenDictionary(StringComparer.Ordinal), extension);
    }

    private static void CheckScalar(JsonNode node, Type type, string path, List<(string, bool, string)> problems)
    {
        var kind = node.GetValueKind();
        string? error = null;
        if (type == typeof(string))
        {
            error = kind == JsonValueKind.String ? null : Mismatch("string", node);
        }
        else if (type == typeof(bool))
        {
            error = kind is JsonValueKind.True or JsonValueKind.False ? null : Mismatch("boolean", node);
        }
        else if (type == typeof(int) || type == typeof(long) || type == typeof(uint))
        {
            error = CheckInteger(node, type);
        }
        else if (type == typeof(DateTimeOffset))
        {
            error = kind != JsonValueKind.String
                ? Mismatch("RFC 3339 timestamp string", node)
                : DateTimeOffset.TryParse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _) && node.GetValue<string>().Contains('T', StringComparison.Ordinal)
                    ? null
                    : $"invalid timestamp \"{node.GetValue<string>()}\": expected RFC 3339, e.g. 2024-01-31T12:00:00Z";
        }
        else if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            var supported = string.Join(", ", names.Select(n => "\"" + n + "\""));
            if (kind != JsonValueKind.String)
            {
                error = $"expected string, got {Describe(node)}; supported values: {supported}";
            }
            else if (!names.Contains(node.GetValue<string>(), StringComparer.Ordinal))
            {
                error = $"unsupported value \"{node.GetValue<string>()}\"; supported values: {supported}";
            }
        }
        if (error is not null)
        {
            problems.Add((path, false, error));
        }
    }

    private static string? CheckInteger(JsonNode node, Type type)
    {
        if (node.GetValueKind() != JsonValueKind.Number)
        {
            return Mismatch("integer", node);
        }
        var value = node.AsValue();
        if (!value.TryGetValue<long>(out var number))
        {
            if (value.TryGetValue<double>(out var real) && real == Math.Floor(real) && real is >= long.MinValue and <= long.MaxValue)
            {
                number = (long)real;
            }
            else
            {
                return $"expected integer, got {node.ToJsonString()}";
            }
        }
        var (min, max) = type == typeof(int) ? (int.MinValue, int.MaxValue) : type == typeof(uint) ? (0L, uint.MaxValue) : (long.MinValue, long.MaxValue);
        return number < min || number > max ? $"integer {number} is out of range" : null;
    }

    private static string Mismatch(string expected, JsonNode node) => $"expected {expected}, got {Describe(node)}";

    private static bool IsNonNullableValue(Type type) => type.IsValueType && Nullable.GetUnderlyingType(type) is null;

    private static string Friendly(Type type) => type == typeof(string) ? "string" : type == typeof(bool) ? "boolean" : type.IsEnum ? "string" : "value";

    /// <summary>Names a JSON node's type as a user reads it, with the value for scalars.</summary>
    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "list",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => $"string \"{node.GetValue<string>()}\"",
            JsonValueKind.Number => $"number {node.ToJsonString()}",
            JsonValueKind.True or JsonValueKind.False => $"boolean {node.ToJsonString()}",
            _ => node.ToJsonString(),
        },
    };
}
