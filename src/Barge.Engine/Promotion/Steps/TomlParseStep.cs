using System.Text.Json.Nodes;
using Tomlyn;
using Tomlyn.Model;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>toml-parse</c>: decodes a TOML file keeping TOML's types (integers stay 64-bit integers, floats
/// floats, date-times times) and extracts outputs from it with expr-lang expressions.
/// </summary>
internal sealed class TomlParseStep : IPromotionStep
{
    public string Kind => "toml-parse";

    public bool HasSideEffects => false;


    public async Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new StepConfigErrors(Kind);
        if (ParsedDocument.Bind(errors, config) is not { } cfg)
        {
            return errors.ToResult();
        }
        var (text, full, readError) = await ParsedDocument.ReadAsync(context, cfg.Path, "TOML", cancellationToken);
        if (readError is not null)
        {
            return readError;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return StepResult.Errored($"could not parse empty TOML file: \"{full}\"");
        }
        TomlTable table;
        try
        {
            // Validated first: the model reader alone lets a key defined twice win silently, which TOML forbids.
            Tomlyn.Parsing.SyntaxParser.ParseStrict(text, full, validate: true);
            table = TomlSerializer.Deserialize<TomlTable>(text, (TomlSerializerOptions?)null)
                ?? throw new TomlException("the document decoded to nothing");
        }
        catch (TomlException ex)
        {
            return StepResult.Errored("could not parse TOML file: " + ex.Message);
        }
        return ParsedDocument.Extract(Convert(table), cfg.Outputs);
    }

    private static object? Convert(object? value) => value switch
    {
        TomlTable table => table.ToDictionary(p => p.Key, p => Convert(p.Value), StringComparer.Ordinal),
        TomlTableArray tables => tables.Select(t => Convert(t)).ToList(),
        TomlArray array => array.Select(Convert).ToList(),
        TomlDateTime dateTime => dateTime.DateTime,
        _ => value,
    };
}
