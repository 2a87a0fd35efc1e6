using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Barge.Expressions;
using Barge.Resources.Model;

namespace Barge.Engine.Verification;

/// <summary>
/// Takes one measurement of a web metric: sends the request, reads the JSON response, selects the result
/// with the JSON path, and evaluates the conditions with <c>result</c> bound to the parsed value (numbers
/// as floats, as Go decodes JSON). A non-2xx status, a body that is not JSON, a missing path, a timeout or
/// a condition that does not give a bool makes the measurement Error.
/// </summary>
internal sealed class WebMeasurer(HttpClient secure, HttpClient insecure, TimeProvider time)
{
    public const int DefaultTimeoutSeconds = 10;
    private const int MaxBodyBytes = 1024 * 1024;

    public async Task<Measurement> MeasureAsync(AnalysisMetric metric, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var web = metric.Provider!.Web!;
        var started = time.GetUtcNow();
        Measurement Done(VerificationPhase phase, string? value, string? message) =>
            new(phase, started, time.GetUtcNow()) { Value = value, Message = message };

        using var request = new HttpRequestMessage(new HttpMethod(string.IsNullOrEmpty(web.Method) ? "GET" : web.Method), web.Url);
        string? contentType = null;
        foreach (var header in web.Headers ?? [])
        {
            if (string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = header.Value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(header.Key!, header.Value ?? "");
            }
        }
        if (web.Body is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/json");
        }
        var timeout = TimeSpan.FromSeconds(web.TimeoutSeconds ?? DefaultTimeoutSeconds);
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        byte[] content;
        try
        {
            using var response = await (web.Insecure ? insecure : secure).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if ((int)response.StatusCode is < 200 or > 299)
            {
                return Done(VerificationPhase.Error, null, $"{request.Method} {web.Url}: received non 2xx response code: {(int)response.StatusCode}");
            }
            content = await ReadLimitedAsync(response.Content, linked.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Done(VerificationPhase.Error, null, $"{request.Method} {web.Url}: no response within {web.TimeoutSeconds ?? DefaultTimeoutSeconds}s");
        }
        catch (HttpRequestException e)
        {
            return Done(VerificationPhase.Error, null, $"{request.Method} {web.Url}: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            return Done(VerificationPhase.Error, null, $"{request.Method} {web.Url}: {e.Message}");
        }
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(content);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return Done(VerificationPhase.Error, null, $"{request.Method} {web.Url}: could not parse the response as JSON: {e.Message}");
        }
        var query = JsonPathQuery.Parse(web.JsonPath, out var pathError)!;
        if (query.Select(root, out var selectError) is not { } selected)
        {
            return Done(VerificationPhase.Error, null, selectError ?? pathError);
        }
        var value = selected.ValueKind == JsonValueKind.String ? selected.GetString() : selected.GetRawText();
        var result = ExprJson.Parse(selected.GetRawText(), numbersAsFloats: true);
        var (phase, message) = Evaluate(metric, result);
        return Done(phase, value, message);
    }

    /// <summary>Argo's <c>EvaluateResult</c>: with only one condition, the other is its negation; neither true is Inconclusive.</summary>
    internal static (VerificationPhase Phase, string? Message) Evaluate(AnalysisMetric metric, object? result)
    {
        bool success = false, failure = false;
        var hasSuccess = !string.IsNullOrWhiteSpace(metric.SuccessCondition);
        var hasFailure = !string.IsNullOrWhiteSpace(metric.FailureCondition);
        var environment = new Dictionary<string, object?>(StringComparer.Ordinal) { ["result"] = result };
        try
        {
            if (hasSuccess && !TryCondition(metric.SuccessCondition!, environment, out success, out var error))
            {
                return (VerificationPhase.Error, "successCondition: " + error);
            }
            if (hasFailure && !TryCondition(metric.FailureCondition!, environment, out failure, out var error2))
            {
                return (VerificationPhase.Error, "failureCondition: " + error2);
            }
        }
        catch (ExpressionException e)
        {
            return (VerificationPhase.Error, e.Message);
        }
        catch (ExpressionFunctionException e)
        {
            return (VerificationPhase.Error, e.Message);
        }
        if (!hasSuccess && !hasFailure)
        {
            return (VerificationPhase.Successful, null);
        }
        if (hasSuccess && !hasFailure)
        {
            failure = !success;
        }
        else if (!hasSuccess)
        {
            success = !failure;
        }
        return failure ? (VerificationPhase.Failed, null)
            : success ? (VerificationPhase.Successful, null)
            : (VerificationPhase.Inconclusive, "neither condition is true");
    }

    private static bool TryCondition(string condition, Dictionary<string, object?> environment, out bool value, out string? error)
    {
        var outcome = Expr.Evaluate(condition, environment, ArgoFunctions.Options);
        if (outcome is bool b)
        {
            value = b;
            error = null;
            return true;
        }
        value = false;
        error = $"\"{condition}\" gave {ExprJson.Format(outcome)}, not a bool";
        return false;
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new InvalidDataException($"the response is larger than {MaxBodyBytes} bytes");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
