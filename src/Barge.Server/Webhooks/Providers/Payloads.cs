using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Barge.Resources.Identity;

namespace Barge.Server.Webhooks.Providers;

/// <summary>Helpers shared by the providers: JSON reading, constant-time comparison, URL normalisation by media type.</summary>
internal static class Payloads
{
    public static WebhookReply InvalidBody { get; } = WebhookReply.Error(400, "invalid request body");

    public static bool TryParse(byte[] body, [NotNullWhen(true)] out JsonElement? root)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
            return root.Value.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            root = null;
            return false;
        }
    }

    /// <summary>The string at a dotted path of objects, or null.</summary>
    public static string? String(JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }
        return current.ValueKind == JsonValueKind.String ? current.GetString() : null;
    }

    public static JsonElement? Element(JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }
        return current;
    }

    /// <summary>Equality of two secrets in time independent of where they differ.</summary>
    public static bool SecretEquals(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    /// <summary>Git URLs, normalised, empty and duplicates dropped.</summary>
    public static List<RepositoryUrl> GitUrls(params string?[] urls) =>
        [.. urls.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => new RepositoryUrl(RepositoryKind.Git, RepoUrls.NormalizeGit(u!))).Distinct()];

    /// <summary>
    /// A registry URL normalised by its media type (Kargo's <c>media_types.go</c>): Helm types as a chart,
    /// known image types as an image, anything else (including the OCI manifest type) both ways.
    /// </summary>
    public static List<RepositoryUrl> RegistryUrls(string? url, string? mediaType)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return [];
        }
        var type = mediaType ?? "";
        var urls = new List<RepositoryUrl>();
        var chartOnly = type.StartsWith("application/vnd.cncf.helm", StringComparison.Ordinal);
        var imageOnly = type is "application/vnd.oci.image.index.v1+json"
            or "application/vnd.docker.distribution.manifest.list.v2+json"
            or "application/vnd.docker.distribution.manifest.v2+json"
            or "application/vnd.oci.image.config.v1+json"
            or "application/vnd.docker.container.image.v1+json";
        if (!chartOnly)
        {
            urls.Add(new RepositoryUrl(RepositoryKind.Image, RepoUrls.NormalizeImage(url)));
        }
        if (!imageOnly)
        {
            urls.Add(new RepositoryUrl(RepositoryKind.Chart, RepoUrls.NormalizeChart(url)));
        }
        return [.. urls.Distinct()];
    }

    /// <summary>The strings of a JSON array of strings (others skipped).</summary>
    public static IEnumerable<string> Strings(JsonElement? array) =>
        array is { ValueKind: JsonValueKind.Array } a
            ? a.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)
            : [];
}
