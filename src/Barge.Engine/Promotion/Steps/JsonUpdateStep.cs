using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Engine.Promotion.Formats;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>json-update</c>: sets values in a JSON file by sjson path, changing only the bytes of the
/// addressed values (or inserting missing members), as Kargo does.
/// </summary>
internal sealed class JsonUpdateStep : IPromotionStep
{
    public string Kind => "json-update";

    public bool HasSideEffects => false;

    public async Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        const string prefix = "JSON file update failed: ";
        var (target, failure) = await FileUpdates.OpenAsync(Kind, context, config, prefix, (_, full, error) => $"{prefix}error reading JSON file \"{full}\": {error}", cancellationToken);
        if (target is null)
        {
            return failure!;
        }
        var (cfg, full, text) = target;
        var message = new StringBuilder("Updated ").Append(cfg.Path).Append('\n');
        foreach (var update in cfg.Updates)
        {
            string raw, shown;
            switch (update.Value?.GetValueKind())
            {
                case JsonValueKind.String:
                    var s = update.Value.GetValue<string>();
                    raw = GoFormat.JsonString(s);
                    shown = GoFormat.Quote(s);
                    break;
                case JsonValueKind.Number:
                    var d = GoFormat.ToDouble(update.Value);
                    raw = GoFormat.FloatPlain(d);
                    shown = GoFormat.FloatV(d);
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    raw = shown = update.Value.GetValueKind() == JsonValueKind.True ? "true" : "false";
                    break;
                default:
                    return StepResult.Errored($"{prefix}value for key \"{update.Key}\" is not a scalar type");
            }
            var updated = JsonTextSetter.Set(text, update.Key, raw, out var setError);
            if (updated is null)
            {
                return StepResult.Errored($"{prefix}error setting key \"{update.Key}\" in JSON file: {setError}");
            }
            text = updated;
            message.Append("\n- ").Append(update.Key).Append(": ").Append(shown);
        }
        if (await StepFiles.TryWriteTextAsync(full, text, cancellationToken) is { } writeError)
        {
            return StepResult.Errored($"{prefix}error writing JSON file \"{full}\": {writeError}");
        }
        return StepResult.SucceededWithCommitMessage(message.ToString());
    }
}
