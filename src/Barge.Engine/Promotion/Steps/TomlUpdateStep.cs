using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Engine.Promotion.Formats;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>toml-update</c>: replaces the literals of scalar values in a TOML file by key path; every other
/// byte (comments, blank lines, spacing, CRLF) is kept. Beyond Kargo, a whole number from the
/// configuration is written as an integer (<c>9090</c>, where Kargo writes <c>9090.0</c>).
/// </summary>
internal sealed class TomlUpdateStep : IPromotionStep
{
    public string Kind => "toml-update";

    public bool HasSideEffects => false;

    public async Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        const string prefix = "TOML file update failed: ";
        var (target, failure) = await FileUpdates.OpenAsync(Kind, context, config, prefix, (path, full, error) => $"{prefix}error updating TOML file \"{path}\": error reading file \"{full}\": {error}", cancellationToken);
        if (target is null)
        {
            return failure!;
        }
        var (cfg, full, text) = target;
        var wrap = $"{prefix}error updating TOML file \"{cfg.Path}\": ";
        if (TomlIndex.TryParse(text, out var parseError) is not { } index)
        {
            return StepResult.Errored($"{wrap}error mutating bytes: error parsing input: {parseError}");
        }
        var edits = new Dictionary<string, (int Start, int End, string Literal)>(StringComparer.Ordinal);
        var message = new StringBuilder("Updated ").Append(cfg.Path).Append('\n');
        foreach (var update in cfg.Updates)
        {
            if (!KeyPath.TrySplit(update.Key, out var parts, out var keyError))
            {
                return StepResult.Errored($"{wrap}error mutating bytes: error splitting key {update.Key}: {keyError}");
            }
            if (!index.TryGet(parts, out var node))
            {
                return StepResult.Errored($"{wrap}error mutating bytes: error finding key {update.Key}: key path not found");
            }
            if (!node.IsScalar)
            {
                return StepResult.Errored($"{wrap}error mutating bytes: error finding key {update.Key}: key path addresses {node.Kind} instead of a scalar node");
            }
            if (Literal(update.Value) is not { } literal)
            {
                return StepResult.Errored($"{wrap}error mutating bytes: error formatting value for key {update.Key}: value is not a TOML scalar type");
            }
            edits[string.Join('\u0000', parts)] = (node.Start, node.End, literal);
            message.Append("\n- ").Append(update.Key).Append(": ").Append(literal);
        }
        var sb = new StringBuilder(text);
        foreach (var (start, end, literal) in edits.Values.OrderByDescending(e => e.Start))
        {
            sb.Remove(start, end - start).Insert(start, literal);
        }
        if (await StepFiles.TryWriteTextAsync(full, sb.ToString(), cancellationToken) is { } writeError)
        {
            return StepResult.Errored($"{wrap}error mutating bytes: error writing mutated bytes to file \"{full}\": {writeError}");
        }
        return StepResult.SucceededWithCommitMessage(message.ToString());
    }

    /// <summary>The TOML literal of a configuration value, or null when it is not a scalar.</summary>
    internal static string? Literal(JsonNode? value)
    {
        switch (value?.GetValueKind())
        {
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Number:
                if (GoFormat.IsIntegerLiteral(value))
                {
                    return value.ToJsonString();
                }
                var d = GoFormat.ToDouble(value);
                var plain = GoFormat.FloatPlain(d);
                return double.IsInteger(d) ? plain + ".0" : plain;
            case JsonValueKind.String:
                return StringLiteral(value.GetValue<string>());
            default:
                return null;
        }
    }

    private static string StringLiteral(string s)
    {
        if (!s.Contains('\'', StringComparison.Ordinal) && !s.Any(char.IsControl))
        {
            return "'" + s + "'";
        }
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }
}
