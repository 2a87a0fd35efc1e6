using System.Buffers.Text;
using System.Text.RegularExpressions;
using Barge.Resources.Manifests;
using Barge.Resources.Model;

namespace Barge.Resources.Validation;

/// <summary>Secret and ConfigMap rules, as the Kubernetes API server checks them.</summary>
internal static partial class ConfigDataValidator
{
    public static void Validate(Secret secret, Problems problems)
    {
        Keys("data", secret.Data, problems);
        Keys("stringData", secret.StringData, problems);
        foreach (var (key, value) in secret.Data ?? [])
        {
            Base64(FieldPath.Child("data", key), value, problems);
        }
    }

    public static void Validate(ConfigMap configMap, Problems problems)
    {
        Keys("data", configMap.Data, problems);
        Keys("binaryData", configMap.BinaryData, problems);
        foreach (var (key, value) in configMap.BinaryData ?? [])
        {
            Base64(FieldPath.Child("binaryData", key), value, problems);
        }
        foreach (var key in (configMap.Data ?? []).Keys.Intersect((configMap.BinaryData ?? []).Keys, StringComparer.Ordinal))
        {
            problems.Add(FieldPath.Child("binaryData", key), $"duplicate key \"{key}\": also present in data");
        }
    }

    private static void Keys(string path, Dictionary<string, string>? data, Problems problems)
    {
        foreach (var key in (data ?? []).Keys)
        {
            if (key.Length > 253 || !KeyPattern().IsMatch(key) || key is "." or "..")
            {
                problems.Add(FieldPath.Child(path, key), $"invalid key \"{key}\": must consist of letters, digits, '-', '_' or '.'");
            }
        }
    }

    private static void Base64(string path, string value, Problems problems)
    {
        if (!System.Buffers.Text.Base64.IsValid(value))
        {
            problems.Add(path, "invalid value: must be base64-encoded (use stringData for plain text)");
        }
    }

    [GeneratedRegex(@"^[-._a-zA-Z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
