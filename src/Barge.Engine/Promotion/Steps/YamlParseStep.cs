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

    public async Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new StepConfigErrors(Kind);
        if (ParsedDocument.Bind(errors, config) is not { } cfg)
        {
            return errors.ToResult();
        }
        var (text, full, readError) = await ParsedDocument.ReadAsync(context, cfg.Path, "YAML", cancellationToken);
        if (readError is not null)
        {
            return readError;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return StepResult.Errored($"could not parse empty YAML file: \"{full}\"");
        }
        if (!YamlValueDecoder.TryDecode(text, out var document, out var error))
        {
            return StepResult.Errored($"could not parse YAML file: {error}");
        }
        return ParsedDocument.Extract(document, cfg.Outputs);
    }
}
