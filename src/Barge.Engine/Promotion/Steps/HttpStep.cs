using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Expressions;
using Barge.Resources.Durations;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>http</c>: sends a request and decides the outcome with expr-lang expressions over the response
/// (<see cref="HttpResponseEnvironment"/>): failure criteria met → Failed (terminal), success met →
/// Succeeded with outputs, neither → Running (poll again after <c>pollInterval</c>). With no expressions
/// a 2xx succeeds; any other status keeps the step Running too: Kargo returns Failed without an error
/// there, which its engine also just repeats until the step's timeout.
/// </summary>
internal sealed class HttpStep : IPromotionStep
{
    /// <summary>The largest response body read (2 MiB), as Kargo; also the limit of <c>bodyFromFile</c>.</summary>
    public const long MaxBodyBytes = 2L * 1024 * 1024;

    public string Kind => "http";

    public async Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new StepConfigErrors(Kind);
        if (HttpStepConfig.Bind(errors, config) is not { } cfg)
        {
            return errors.ToResult();
        }
        var (built, buildError) = await BuildRequestAsync(context, cfg, cancellationToken);
        if (built is null)
        {
            return StepResult.Errored("error building HTTP request: " + buildError, terminal: true);
        }
        using var request = built;
        if (!GoDuration.TryParse(cfg.Timeout, out var timeout, out var timeoutError))
        {
            return StepResult.Errored("error creating HTTP client: error parsing timeout: " + timeoutError, terminal: true);
        }
        Uri? proxy = null;
        if (cfg.Proxy is not null && !Uri.TryCreate(cfg.Proxy, UriKind.Absolute, out proxy))
        {
            return StepResult.Errored($"error creating HTTP client: error parsing proxy URL: parse \"{HttpStepClient.Redact(cfg.Proxy)}\": invalid URL", terminal: true);
        }
        using var client = HttpStepClient.Create(cfg.InsecureSkipTlsVerify, proxy);
        using var deadline = HttpStepClient.Deadline(timeout, cancellationToken);
        HttpResponseEnvironment response;
        try
        {
            using var message = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var (environment, envError) = await HttpResponseReader.ReadAsync(message, cfg.ResponseContentType, deadline.Token);
            if (environment is null)
            {
                return StepResult.Errored("error building expression context from HTTP response: " + envError);
            }
            response = environment;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return StepResult.Errored($"error sending HTTP request: {request.Method} {HttpStepClient.Redact(cfg.Url)}: timed out after {cfg.Timeout}");
        }
        catch (HttpRequestException ex)
        {
            return StepResult.Errored($"error sending HTTP request: {ex.Message}");
        }
        return Decide(cfg, response);
    }

    private static async Task<(HttpRequestMessage? Request, string Error)> BuildRequestAsync(StepContext context, HttpStepConfig cfg, CancellationToken cancellationToken)
    {
        if (HttpStepClient.BuildUri(cfg.Url, cfg.QueryParams, out var uriError) is not { } uri)
        {
            return (null, uriError);
        }
        byte[] body = Encoding.UTF8.GetBytes(cfg.Body);
        if (cfg.BodyFromFile is { Length: > 0 } file)
        {
            string full;
            try
            {
                full = SafePath.Join(context.WorkDirectory, file);
            }
            catch (IOException ex)
            {
                return (null, $"could not secure join bodyFromFile \"{file}\": {ex.Message}");
            }
            var info = new FileInfo(full);
            if (info.Exists && info.Length > MaxBodyBytes)
            {
                return (null, $"could not read bodyFromFile \"{file}\": file size {info.Length} exceeds limit of {MaxBodyBytes} bytes");
            }
            try
            {
                body = await File.ReadAllBytesAsync(full, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return (null, $"could not read bodyFromFile \"{file}\": {StepFiles.Describe("open", file, ex)}");
            }
        }
        var request = new HttpRequestMessage(new HttpMethod(cfg.Method), uri);
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body);
        }
        foreach (var header in cfg.Headers)
        {
            if (request.Headers.TryAddWithoutValidation(header.Name, header.Value))
            {
                continue;
            }
            request.Content ??= new ByteArrayContent([]);
            if (!request.Content.Headers.TryAddWithoutValidation(header.Name, header.Value))
            {
                request.Dispose();
                return (null, $"invalid header name \"{header.Name}\"");
            }
        }
        return (request, "");
    }

    private static StepResult Decide(HttpStepConfig cfg, HttpResponseEnvironment response)
    {
        var environment = new Dictionary<string, object?>(StringComparer.Ordinal) { ["response"] = response };
        var success = Criterion(cfg.SuccessExpression, "success", environment, out var successError);
        if (successError is not null)
        {
            return successError;
        }
        var failure = Criterion(cfg.FailureExpression, "failure", environment, out var failureError);
        if (failureError is not null)
        {
            return failureError;
        }
        var code = response.status.ToString(CultureInfo.InvariantCulture);
        if (failure == true)
        {
            return FailureResult(cfg, environment, code);
        }
        if (success == true || (success is null && failure is null && response.status is >= 200 and < 300))
        {
            return Outputs(cfg, environment);
        }
        if (!GoDuration.TryParse(cfg.PollInterval, out var poll, out var pollError))
        {
            return StepResult.Errored("error parsing pollInterval: " + pollError);
        }
        var message = success is null && failure is null
            ? $"HTTP ({code}) response is not a success; the request will be repeated"
            : $"HTTP ({code}) response met neither success nor failure criteria; polling again";
        return StepResult.Running(poll, message);
    }

    private static bool? Criterion(string? expression, string which, Dictionary<string, object?> environment, out StepResult? error)
    {
        error = null;
        if (string.IsNullOrEmpty(expression))
        {
            return null;
        }
        var prefix = $"error evaluating {which} criteria: ";
        CompiledExpression compiled;
        try
        {
            compiled = Expr.Compile(expression);
        }
        catch (ExpressionException ex)
        {
            error = StepResult.Errored($"{prefix}error compiling {which} expression \"{expression}\": {ex.Message}", terminal: true);
            return null;
        }
        object? value;
        try
        {
            value = compiled.Evaluate(environment);
        }
        catch (ExpressionException ex)
        {
            error = StepResult.Errored($"{prefix}error evaluating {which} expression \"{expression}\": {ex.Message}");
            return null;
        }
        if (value is bool b)
        {
            return b;
        }
        error = StepResult.Errored($"{prefix}{which} expression \"{expression}\" did not evaluate to a boolean (got {GoTypeName(value)})");
        return null;
    }

    private static StepResult FailureResult(HttpStepConfig cfg, Dictionary<string, object?> environment, string code)
    {
        var message = $"HTTP ({code}) response met failure criteria";
        if (string.IsNullOrEmpty(cfg.ErrorExpression))
        {
            return StepResult.Failed(message);
        }
        CompiledExpression compiled;
        try
        {
            compiled = Expr.Compile(cfg.ErrorExpression);
        }
        catch (ExpressionException ex)
        {
            return StepResult.Errored($"error compiling error expression \"{cfg.ErrorExpression}\": {ex.Message}", terminal: true);
        }
        try
        {
            if (compiled.Evaluate(environment) is string extracted)
            {
                message += ": " + Formats.GoFormat.Quote(extracted);
            }
        }
        catch (ExpressionException)
        {
            // Kargo keeps the plain message when the error message cannot be extracted.
        }
        return StepResult.Failed(message);
    }

    private static StepResult Outputs(HttpStepConfig cfg, Dictionary<string, object?> environment)
    {
        var outputs = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var output in cfg.Outputs)
        {
            CompiledExpression compiled;
            try
            {
                compiled = Expr.Compile(output.FromExpression);
            }
            catch (ExpressionException ex)
            {
                return StepResult.Errored($"error compiling output expression \"{output.Name}\": {ex.Message}", terminal: true);
            }
            try
            {
                outputs[output.Name] = StepOutputExpression.ToOutput(compiled.Evaluate(environment));
            }
            catch (ExpressionException ex)
            {
                return StepResult.Errored($"error extracting outputs from HTTP response: error evaluating output expression \"{output.Name}\": {ex.Message}");
            }
        }
        return StepResult.Succeeded(outputs);
    }

    /// <summary>The Go type name Kargo's message shows for an expression value.</summary>
    internal static string GoTypeName(object? value) => value switch
    {
        null => "<nil>",
        string => "string",
        long => "int",
        double => "float64",
        bool => "bool",
        IReadOnlyDictionary<string, object?> => "map[string]interface {}",
        System.Collections.IList => "[]interface {}",
        _ => value.GetType().Name,
    };
}
