using System.Text;
using System.Text.Json;
using Barge.Expressions;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// Reads an HTTP response (at most <see cref="HttpStep.MaxBodyBytes"/>) into the <c>response</c>
/// expression variable, parsing the body by media type as Kargo does: JSON, YAML, plain text, or
/// (for any other type) JSON only when the body is valid JSON, else an empty map.
/// </summary>
internal static class HttpResponseReader
{
    public static async Task<(HttpResponseEnvironment? Response, string Error)> ReadAsync(
        HttpResponseMessage message, string? responseContentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Content.Headers.ContentLength is { } declared && declared > HttpStep.MaxBodyBytes)
        {
            return (null, $"response body size {declared} exceeds limit of {HttpStep.MaxBodyBytes} bytes");
        }
        var bytes = await ReadLimitedAsync(message.Content, cancellationToken);
        if (bytes is null)
        {
            return (null, $"response body exceeds limit of {HttpStep.MaxBodyBytes} bytes");
        }
        var headers = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, values) in message.Headers.Concat(message.Content.Headers))
        {
            var canonical = Canonical(name);
            var list = headers.TryGetValue(canonical, out var existing) ? (List<object?>)existing! : [];
            list.AddRange(values);
            headers[canonical] = list;
        }
        var mediaType = responseContentType ?? message.Content.Headers.ContentType?.MediaType?.ToLowerInvariant() ?? "";
        var (body, error) = ParseBody(Encoding.UTF8.GetString(bytes), mediaType);
        return error is null
            ? (new HttpResponseEnvironment((int)message.StatusCode, headers, body), "")
            : (null, error);
    }

    private static (object? Body, string? Error) ParseBody(string text, string mediaType)
    {
        if (text.Length == 0)
        {
            return (new Dictionary<string, object?>(StringComparer.Ordinal), null);
        }
        switch (mediaType.ToLowerInvariant())
        {
            case "application/json":
                try
                {
                    return (ExprJson.Parse(text, numbersAsFloats: true), null);
                }
                catch (JsonException ex)
                {
                    return (null, "failed to parse JSON response: " + ex.Message);
                }
            case "application/yaml" or "text/yaml" or "application/x-yaml":
                return YamlValueDecoder.TryDecode(text, out var yaml, out var yamlError)
                    ? (yaml, null)
                    : (null, "failed to parse YAML response: " + yamlError);
            case "text/plain":
                return (text, null);
            default:
                try
                {
                    return (ExprJson.Parse(text, numbersAsFloats: true), null);
                }
                catch (JsonException)
                {
                    return (new Dictionary<string, object?>(StringComparer.Ordinal), null);
                }
        }
    }

    private static async Task<byte[]?> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > HttpStep.MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Go's canonical header key (<c>content-type</c> → <c>Content-Type</c>).</summary>
    private static string Canonical(string name)
    {
        var chars = name.ToLowerInvariant().ToCharArray();
        var upper = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (upper)
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
            upper = chars[i] == '-';
        }
        return new string(chars);
    }
}
