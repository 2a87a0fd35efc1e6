using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Expressions;

namespace Barge.Engine.Promotion.Steps;

/// <summary><c>json-parse</c>: decodes a JSON file (numbers as floats) and extracts outputs from it with expr-lang expressions.</summary>
internal sealed class JsonParseStep : IPromotionStep
{
    public string Kind => "json-parse";

    public bool HasSideEffects => false;

    public Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken) =>
        ParsedDocument.RunAsync(Kind, "JSON", context, config, Decode, cancellationToken);

    private static ParsedDocument.Decoded Decode(string text, string fullPath)
    {
        try
        {
            return ParsedDocument.Decoded.Of(ExprJson.Parse(text, numbersAsFloats: true));
        }
        catch (JsonException ex)
        {
            return ParsedDocument.Decoded.Failed("could not parse JSON file: " + (text.Trim().Length == 0 ? "unexpected end of JSON input" : ex.Message));
        }
    }
}
