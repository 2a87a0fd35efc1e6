using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Engine.Manifests;
using Barge.Storage;
using Microsoft.AspNetCore.Http;

namespace Barge.Server.Api;

/// <summary>
/// Writes stored resources in Kargo's wire shapes (raw object, Kubernetes list) with
/// <c>application/json</c>. Secret values never leave the server: a Secret's <c>data</c> and
/// <c>stringData</c> values are replaced by a redaction marker.
/// </summary>
internal static class ManifestJson
{
    public const string Redacted = "*** REDACTED ***";

    public static void Write(Utf8JsonWriter writer, StoredResource resource)
    {
        if (resource.Key.Kind != "Secret")
        {
            ManifestEnvelope.WriteManifest(writer, resource);
            return;
        }
        var manifest = ManifestEnvelope.ToManifest(resource);
        foreach (var field in new[] { "data", "stringData" })
        {
            if (manifest[field] is JsonObject values)
            {
                foreach (var name in values.Select(p => p.Key).ToList())
                {
                    values[name] = field == "data" ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Redacted)) : Redacted;
                }
            }
        }
        manifest.WriteTo(writer);
    }

    public static IResult Object(StoredResource resource, int status = 200) =>
        new JsonBody(status, writer => Write(writer, resource));

    public static IResult List(IReadOnlyList<StoredResource> items, long? resourceVersion) =>
        new JsonBody(200, writer => WriteList(writer, items, resourceVersion));

    /// <summary>A Kubernetes-style list: <c>{"metadata":{"resourceVersion":…},"items":[…]}</c>.</summary>
    public static void WriteList(Utf8JsonWriter writer, IReadOnlyList<StoredResource> items, long? resourceVersion)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStartObject("metadata");
        writer.WriteString("resourceVersion", resourceVersion?.ToString(CultureInfo.InvariantCulture) ?? "");
        writer.WriteEndObject();
        WriteItems(writer, "items", items);
        writer.WriteEndObject();
    }

    public static void WriteItems(Utf8JsonWriter writer, string name, IReadOnlyList<StoredResource> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            Write(writer, item);
        }
        writer.WriteEndArray();
    }

    /// <summary>A JSON body written straight to the response.</summary>
    public static IResult Custom(int status, Action<Utf8JsonWriter> write) => new JsonBody(status, write);

    /// <summary>Kargo's "200 with no body" for actions.</summary>
    public static IResult Empty() => Results.Ok();

    private sealed class JsonBody(int status, Action<Utf8JsonWriter> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter);
            write(writer);
            await writer.FlushAsync(httpContext.RequestAborted);
        }
    }
}
