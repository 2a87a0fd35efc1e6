using System.Text.Json.Nodes;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>yaml-parse</c>: decodes the first document of a YAML file (numbers as floats, anchors resolved)
/// and extracts outputs from it with expr-lang expressions.
/// </summary>
internal sealed class YamlParseStep : IPromotionStep
{
    public string Kind => "yaml-parse";

    public bool HasSideEffects => false;

    public Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken) =>
        ParsedDocument.RunAsync(Kind, "YAML", context, config, Decode, cancellationToken);

    private static ParsedDocument.Decoded Decode(string text, string fullPath)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParsedDocument.Decoded.Failed($"could not parse empty YAML file: \"{fullPath}\"");
        }
        return YamlValueDecoder.TryDecode(text, out var document, out var error)
            ? ParsedDocument.Decoded.Of(document)
            : ParsedDocument.Decoded.Failed($"could not parse YAML file: {error}");
    }
}
