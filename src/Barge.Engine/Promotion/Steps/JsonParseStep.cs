using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Expressions;

namespace Barge.Engine.Promotion.Steps;

/// <summary><c>json-parse</c>: decodes a JSON file (numbers as floats) and extracts outputs from it with expr-lang expressions.</summary>
internal sealed class JsonParseStep : IPromotionStep
{
    public string Kind => "json-parse";

    public bool HasSideEffects => false;

    public async Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new StepConfigErrors(Kind);
        if (ParsedDocument.Bind(errors, config) is not { } cfg)
        {
            return errors.ToResult();
        }
        var (text, _, readError) = await ParsedDocument.ReadAsync(context, cfg.Path, "JSON", cancellationToken);
        if (readError is not null)
        {
            return readError;
        }
        object? document;
        try
        {
            document = ExprJson.Parse(text!, numbersAsFloats: true);
        }
        catch (JsonException ex)
        {
            return StepResult.Errored("could not parse JSON file: " + (text!.Trim().Length == 0 ? "unexpected end of JSON input" : ex.Message));
        }
        return ParsedDocument.Extract(document, cfg.Outputs);
    }
}
