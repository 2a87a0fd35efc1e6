using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Barge.Engine.Credentials;

/// <summary>
/// How a Secret's values are kept at rest: <c>stringData</c> is merged into <c>data</c> (as the
/// Kubernetes API server does) and every <c>data</c> value is replaced by its
/// <see cref="SecretCipher"/> seal, bound to <c>project/name/key</c>. Sealed values start with
/// <c>v1:</c>, which base64 never contains, so a value is recognisably sealed or not. Values are
/// opened only for use (<see cref="TryOpen"/>); nothing here writes a value into an error.
/// </summary>
public static class SecretSealing
{
    private const string SealedPrefix = "v1:";

    /// <summary>
    /// The sealed form of a Secret's top-level payload. A value whose plaintext equals the one in
    /// <paramref name="stored"/> keeps the stored seal, so re-applying an unchanged Secret changes nothing.
    /// </summary>
    public static bool TrySeal(
        JsonElement payload, JsonElement? stored, string project, string name, SecretCipher cipher,
        [NotNullWhen(true)] out JsonElement? sealedPayload, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        sealedPayload = null;
        var node = JsonNode.Parse(payload.GetRawText()) as JsonObject ?? [];
        var plain = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (node["data"] is JsonObject data)
        {
            foreach (var (key, value) in data)
            {
                var text = value?.GetValue<string>() ?? "";
                if (text.StartsWith(SealedPrefix, StringComparison.Ordinal))
                {
                    if (!cipher.TryOpen(text, Context(project, name, key), out var opened, out var openError))
                    {
                        error = $"Secret \"{name}\" in project \"{project}\": data.{key}: {openError}";
                        return false;
                    }
                    plain[key] = opened;
                    continue;
                }
                try
                {
                    plain[key] = Encoding.UTF8.GetString(Convert.FromBase64String(text));
                }
                catch (FormatException)
                {
                    error = $"Secret \"{name}\" in project \"{project}\": data.{key} is not valid base64";
                    return false;
                }
            }
        }
        if (node["stringData"] is JsonObject stringData)
        {
            foreach (var (key, value) in stringData)
            {
                plain[key] = value?.GetValue<string>() ?? "";
            }
        }
        var storedPlain = stored is { } s && TryOpenAll(s, project, name, cipher, out var opened2, out _) ? opened2 : null;
        var storedData = stored is { ValueKind: JsonValueKind.Object } st && st.TryGetProperty("data", out var sd) && sd.ValueKind == JsonValueKind.Object ? sd : (JsonElement?)null;
        var sealedData = new JsonObject();
        foreach (var (key, value) in plain)
        {
            sealedData[key] = storedPlain is not null && storedPlain.TryGetValue(key, out var before) && before == value && storedData is { } d
                ? d.GetProperty(key).GetString()
                : cipher.Seal(value, Context(project, name, key));
        }
        node.Remove("stringData");
        node["data"] = sealedData;
        sealedPayload = JsonSerializer.SerializeToElement(node);
        error = null;
        return true;
    }

    /// <summary>Every value of a stored Secret payload, opened; unsealed (base64) values are decoded.</summary>
    public static bool TryOpenAll(
        JsonElement payload, string project, string name, SecretCipher cipher,
        [NotNullWhen(true)] out Dictionary<string, string>? values, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (payload.ValueKind != JsonValueKind.Object || !payload.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            error = null;
            return true;
        }
        foreach (var property in data.EnumerateObject())
        {
            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : "";
            if (text.StartsWith(SealedPrefix, StringComparison.Ordinal))
            {
                if (!cipher.TryOpen(text, Context(project, name, property.Name), out var opened, out var openError))
                {
                    values = null;
                    error = $"Secret \"{name}\" in project \"{project}\": data.{property.Name}: {openError}";
                    return false;
                }
                values[property.Name] = opened;
                continue;
            }
            try
            {
                values[property.Name] = Encoding.UTF8.GetString(Convert.FromBase64String(text));
            }
            catch (FormatException)
            {
                values = null;
                error = $"Secret \"{name}\" in project \"{project}\": data.{property.Name} is not valid base64";
                return false;
            }
        }
        error = null;
        return true;
    }

    /// <summary>True when every <c>data</c> value of the payload is sealed.</summary>
    public static bool IsSealed(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object
        && (!payload.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || data.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.StartsWith(SealedPrefix, StringComparison.Ordinal)))
        && !payload.TryGetProperty("stringData", out _);

    private static string Context(string project, string name, string key) => project + "/" + name + "/" + key;
}
