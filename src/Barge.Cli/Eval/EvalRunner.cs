using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Expressions;
using Barge.Expressions.Templates;

namespace Barge.Cli.Eval;

/// <summary>
/// The logic of <c>barge eval</c>: evaluates an expression or a template against an environment
/// given as JSON (numbers without <c>.</c>/exponent are ints, others floats, as the conformance
/// corpus decodes them) and renders the value as JSON (ints without a decimal point, floats with
/// one). <see cref="RunJsonLinesAsync"/> serves <c>--jsonl</c>: one request object per input line,
/// one <c>{"value":…}</c> or <c>{"error":"…"}</c> line out.
/// </summary>
internal sealed class EvalRunner
{
    private readonly ExprOptions _options;
    private readonly TemplateEvaluator _templates;

    public EvalRunner(ExprOptions? options = null)
    {
        _options = options ?? ExprOptions.Default;
        _templates = new TemplateEvaluator(_options);
    }

    public EvalOutcome Evaluate(EvalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((request.Expression is null) == (request.Template is null))
        {
            return EvalOutcome.Usage("give exactly one of an expression or --template");
        }
        IReadOnlyDictionary<string, object?>? environment = null;
        if (!string.IsNullOrWhiteSpace(request.EnvironmentJson))
        {
            object? parsed;
            try
            {
                parsed = ExprJson.Parse(request.EnvironmentJson);
            }
            catch (JsonException e)
            {
                return EvalOutcome.Usage("--env is not valid JSON: " + e.Message);
            }
            environment = parsed as IReadOnlyDictionary<string, object?>;
            if (environment is null)
            {
                return EvalOutcome.Usage("--env must be a JSON object");
            }
        }
        try
        {
            var value = request.Expression is not null
                ? Expr.Compile(request.Expression, _options).Evaluate(environment)
                : _templates.Evaluate(request.Template!, environment);
            return EvalOutcome.Value(ExprJson.Format(value));
        }
        catch (ExpressionException e)
        {
            return EvalOutcome.Failed(e.Message);
        }
    }

    /// <summary>Evaluates one <c>--jsonl</c> request line and returns the response line (without newline).</summary>
    public string EvaluateLine(string line) => Render(EvaluateLineOutcome(line));

    private EvalOutcome EvaluateLineOutcome(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        EvalOutcome outcome;
        try
        {
            outcome = JsonNode.Parse(line) is JsonObject request
                ? Evaluate(ToRequest(request))
                : EvalOutcome.Usage("each line must be a JSON object with \"expr\" or \"template\"");
        }
        catch (JsonException e)
        {
            outcome = EvalOutcome.Usage("the line is not valid JSON: " + e.Message);
        }
        catch (InvalidOperationException e)
        {
            outcome = EvalOutcome.Usage(e.Message);
        }
        return outcome;
    }

    /// <summary>
    /// Processes <c>--jsonl</c> input until its end: every non-empty line gets one response line.
    /// Returns 0 when every line was well-formed (expression failures are answers, not failures of the
    /// command), 2 when some line was malformed or the input is not valid UTF-8.
    /// </summary>
    public async Task<int> RunJsonLinesAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var exitCode = 0;
        while (true)
        {
            string? line;
            try
            {
                line = await input.ReadLineAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                await output.WriteLineAsync(Render(EvalOutcome.Usage("the input is not valid UTF-8")).AsMemory(), cancellationToken);
                return 2;
            }
            if (line is null)
            {
                break;
            }
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var outcome = EvaluateLineOutcome(line);
            if (outcome.IsUsageError)
            {
                exitCode = 2;
            }
            await output.WriteLineAsync(Render(outcome).AsMemory(), cancellationToken);
        }
        await output.FlushAsync(cancellationToken);
        return exitCode;
    }

    /// <summary>A strict UTF-8 reader for standard input: invalid bytes fail instead of becoming U+FFFD.</summary>
    public static TextReader OpenStrictUtf8(Stream stream) =>
        new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));

    private static EvalRequest ToRequest(JsonObject request)
    {
        var expression = request["expr"];
        var template = request["template"];
        var env = request["env"];
        if (env is not null and not JsonObject)
        {
            throw new InvalidOperationException("\"env\" must be a JSON object");
        }
        return new EvalRequest(
            expression is null ? null : expression.GetValue<string>(),
            template is null ? null : template.GetValue<string>(),
            env?.ToJsonString());
    }

    private static string Render(EvalOutcome outcome)
    {
        if (outcome.ValueJson is { } json)
        {
            return "{\"value\":" + json + "}";
        }
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("error", outcome.Error);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
