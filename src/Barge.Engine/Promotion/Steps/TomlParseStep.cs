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

    public Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken) =>
        ParsedDocument.RunAsync(Kind, "TOML", context, config, Decode, cancellationToken);

    private static ParsedDocument.Decoded Decode(string text, string fullPath)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParsedDocument.Decoded.Failed($"could not parse empty TOML file: \"{fullPath}\"");
        }
        try
        {
            // Validated first: the model reader alone lets a key defined twice win silently, which TOML forbids.
            Tomlyn.Parsing.SyntaxParser.ParseStrict(text, fullPath, validate: true);
            var table = TomlSerializer.Deserialize<TomlTable>(text, (TomlSerializerOptions?)null)
                ?? throw new TomlException("the document decoded to nothing");
            return ParsedDocument.Decoded.Of(Convert(table));
        }
        catch (TomlException ex)
        {
            return ParsedDocument.Decoded.Failed("could not parse TOML file: " + ex.Message);
        }
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
