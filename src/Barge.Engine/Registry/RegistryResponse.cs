using System.Net;
using System.Text.Json;

namespace Barge.Engine.Registry;

/// <summary>A registry's answer, read in full within the request's size limit.</summary>
internal sealed record RegistryResponse(
    HttpStatusCode StatusCode,
    Uri Uri,
    string? ContentType,
    string? DockerContentDigest,
    string? Link,
    string? WwwAuthenticate,
    TimeSpan? RetryAfter,
    byte[] Body)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    /// <summary>The first entry of the Distribution API error body (<c>CODE: message</c>), if there is one.</summary>
    public string? ErrorSummary()
    {
        if (Body.Length == 0)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(Body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array
                && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                var code = first.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                var message = first.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return code is null ? message : message is null ? code : code + ": " + message;
            }
        }
        catch (JsonException)
        {
            // Not the error format of the API: the status alone says enough.
        }
        return null;
    }
}
