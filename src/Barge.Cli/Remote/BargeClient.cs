using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Cli.Hosting;

namespace Barge.Cli.Remote;

/// <summary>
/// An HTTP client of a <c>barge serve</c>'s <c>/v1beta1</c> API with a bearer token. Every failure is a
/// <see cref="RemoteFailure"/> carrying the server's own message (the ProblemDetails' <c>error</c> and
/// <c>errors</c>) and the exit code embedded mode gives the same refusal: the engine's <c>reason</c> when the
/// server names one (<c>BadInput</c> 2; <c>NotFound</c>, <c>NotVerified</c>, <c>Conflict</c> 1), else 2 when the
/// request was refused and nothing changed (400, 401, 403, 413, 415, 422), 1 when something is missing or
/// failed (404, 409, 5xx, an unreachable server).
/// </summary>
internal sealed class BargeClient : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;

    public BargeClient(Uri server, string token)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrEmpty(token);
        Server = server;
        // Lists come back gzip-compressed when asked for (a 500-Stage list is 217 KiB as JSON, 12 KiB gzipped).
        var handler = new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.GZip };
        _http = new HttpClient(handler, disposeHandler: true) { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("barge-cli", "1"));
    }

    public Uri Server { get; }

    /// <summary>A <c>v1beta1/…</c> path from segments, each escaped.</summary>
    public static string Api(params string[] segments) =>
        "v1beta1/" + string.Join('/', segments.Select(Uri.EscapeDataString));

    public Task<RemoteResult<JsonNode?>> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<RemoteResult<JsonNode?>> PostJsonAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"), cancellationToken);

    /// <summary>Sends one request; the JSON body of a success (null when there is none), or the failure.</summary>
    public async Task<RemoteResult<JsonNode?>> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return Failure(response.StatusCode, text);
            }
            if (text.Length == 0)
            {
                return RemoteResult<JsonNode?>.Ok(null);
            }
            try
            {
                return RemoteResult<JsonNode?>.Ok(JsonNode.Parse(text));
            }
            catch (JsonException ex)
            {
                return new RemoteFailure(ExitCodes.Failed, $"the server at {ServerUrl.Format(Server)} answered {(int)response.StatusCode} with a body that is not JSON: {ex.Message}");
            }
        }
        catch (HttpRequestException ex)
        {
            return Unreachable(ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unreachable($"no answer within {RequestTimeout.TotalSeconds:0} s");
        }
    }

    /// <summary>
    /// Follows a <c>?watch=true</c> stream (Server-Sent Events): yields each event (<c>{"type","object"}</c>) until the
    /// caller stops enumerating or the stream ends. A refused watch or a lost connection ends it with a failure.
    /// </summary>
    public async IAsyncEnumerable<RemoteResult<JsonObject>> WatchAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        RemoteFailure? unreachable = null;
        using var request = new HttpRequestMessage(HttpMethod.Get, path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "watch=true");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            unreachable = Unreachable(ex.Message);
        }
        if (response is null)
        {
            yield return unreachable!;
            yield break;
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                yield return Failure(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
                yield break;
            }
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            var data = new StringBuilder();
            var eventName = "";
            while (true)
            {
                string? line;
                RemoteFailure? lost = null;
                try
                {
                    line = await reader.ReadLineAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException)
                {
                    line = null;
                    lost = Unreachable("the watch connection was lost: " + ex.Message);
                }
                if (lost is not null)
                {
                    yield return lost;
                    yield break;
                }
                if (line is null)
                {
                    yield return new RemoteFailure(ExitCodes.Failed, $"the server at {ServerUrl.Format(Server)} ended the watch");
                    yield break;
                }
                if (line.Length > 0)
                {
                    if (line.StartsWith("data:", StringComparison.Ordinal))
                    {
                        data.Append(line.AsSpan(5).TrimStart(' '));
                    }
                    else if (line.StartsWith("event:", StringComparison.Ordinal))
                    {
                        eventName = line[6..].Trim();
                    }
                    continue;
                }
                if (data.Length == 0)
                {
                    continue;
                }
                var payload = ParseEvent(data.ToString());
                data.Clear();
                if (eventName == "error" || payload?["object"] is not JsonObject)
                {
                    yield return new RemoteFailure(ExitCodes.Failed, $"the watch failed: {payload?["message"] ?? payload?.ToJsonString() ?? "unreadable event"}");
                    yield break;
                }
                yield return RemoteResult<JsonObject>.Ok(payload);
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private static JsonObject? ParseEvent(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private RemoteFailure Unreachable(string why) =>
        new(ExitCodes.Failed, $"cannot reach the barge server at {ServerUrl.Format(Server)}: {why}");

    private RemoteFailure Failure(HttpStatusCode status, string body)
    {
        var code = (int)status;
        string? message = null;
        IReadOnlyList<string> details = [];
        string? reason = null;
        var refused = new List<int>();
        var fields = new List<(int Document, string Path, string Message)>();
        try
        {
            if (body.Length > 0 && JsonNode.Parse(body) is JsonObject problem)
            {
                message = Text(problem["error"]) ?? Text(problem["detail"]) ?? Text(problem["title"]);
                reason = Text(problem["reason"]);
                if (problem["errors"] is JsonArray errors)
                {
                    details = [.. errors.Select(Text).OfType<string>()];
                }
                // A refused /resources request: which documents failed, and their problems about a field.
                foreach (var result in (problem["results"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    if (result["document"] is not JsonValue number || !number.TryGetValue<int>(out var document) || Text(result["error"]) is null)
                    {
                        continue;
                    }
                    refused.Add(document);
                    foreach (var field in (result["problems"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        if (field["path"] is JsonValue path && path.TryGetValue<string>(out var fieldPath) && Text(field["message"]) is { } text)
                        {
                            fields.Add((document, fieldPath, text));
                        }
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's page): the status and the start of the body say it.
        }
        message ??= $"the server answered {code} {status}" + (body.Length > 0 ? ": " + (body.Length > 200 ? body[..200] + "…" : body).Trim() : "");
        if (code == 401)
        {
            message += $" (server {ServerUrl.Format(Server)}): log in again with `barge login {ServerUrl.Format(Server)}` or set $BARGE_TOKEN";
        }
        var exit = reason switch
        {
            // The engine's refusal reason, when the server gives it, decides as it does in embedded mode.
            "BadInput" => ExitCodes.BadInput,
            "NotFound" or "NotVerified" or "Conflict" => ExitCodes.Failed,
            _ => code is 404 or 409 || code >= 500 ? ExitCodes.Failed : ExitCodes.BadInput,
        };
        return new RemoteFailure(exit, message) { Details = details, Status = code, Reason = reason, RefusedDocuments = refused, FieldProblems = fields };
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
