using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Barge.Server.Api;

/// <summary>Writes <see cref="ApiError"/>s as <c>application/problem+json</c> (RFC 7807).</summary>
internal static class Problems
{
    public static async Task WriteAsync(HttpContext context, ApiError error)
    {
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("type", "about:blank");
        writer.WriteString("title", ReasonPhrases.GetReasonPhrase(error.Status));
        writer.WriteNumber("status", error.Status);
        writer.WriteString("detail", error.Message);
        writer.WriteString("instance", context.Request.Path.Value);
        writer.WriteString("error", error.Message);
        if (error.Reason is { } reason)
        {
            writer.WriteString("reason", reason);
        }
        if (error.Errors.Count > 0)
        {
            writer.WriteStartArray("errors");
            foreach (var item in error.Errors)
            {
                writer.WriteStringValue(item);
            }
            writer.WriteEndArray();
        }
        if (error.Documents.Count > 0)
        {
            WriteDocuments(writer, error.Documents);
        }
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    public static IResult Result(ApiError error) => new ProblemResult(error);

    /// <summary>Kargo's per-document <c>results</c> (an <c>error</c> string each) with the document's number and identity.</summary>
    private static void WriteDocuments(Utf8JsonWriter writer, IReadOnlyList<DocumentReport> documents)
    {
        writer.WriteStartArray("results");
        foreach (var document in documents)
        {
            writer.WriteStartObject();
            writer.WriteNumber("document", document.Document);
            WriteOptional(writer, "kind", document.Kind);
            WriteOptional(writer, "namespace", document.Namespace);
            WriteOptional(writer, "name", document.Name);
            if (document.Error is { } message)
            {
                writer.WriteString("error", message);
                if (document.Fields.Count > 0)
                {
                    writer.WriteStartArray("problems");
                    foreach (var (path, text) in document.Fields)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("path", path);
                        writer.WriteString("message", text);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                }
            }
            else
            {
                writer.WriteBoolean("applied", false);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }

    private sealed class ProblemResult(ApiError error) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, error);
    }
}
