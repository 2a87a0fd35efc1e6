using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Engine.Promotion.Formats;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>yaml-update</c>: sets scalar values of a YAML file by key path, replacing only the characters of
/// each addressed value. Unlike Kargo's line rewrite, a trailing comment, an anchor or tag, the rest of a
/// flow collection, a block scalar's body (replaced as a whole), multi-byte text and CRLF line ends
/// survive, numbers keep their written form and strings YAML would read as another type are quoted.
/// </summary>
internal sealed class YamlUpdateStep : IPromotionStep
{
    public string Kind => "yaml-update";

    public bool HasSideEffects => false;

    public async Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        const string prefix = "values file update failed: ";
        var (target, failure) = await FileUpdates.OpenAsync(Kind, context, config, prefix, (path, full, error) => $"{prefix}error updating image references in values file \"{path}\": error reading file \"{full}\": {error}", cancellationToken);
        if (target is null)
        {
            return failure!;
        }
        var (cfg, full, text) = target;
        var wrap = $"{prefix}error updating image references in values file \"{cfg.Path}\": ";
        var formatted = new List<string>(cfg.Updates.Count);
        var edits = new SortedDictionary<int, (int End, string Text)>();
        if (!YamlSpanNode.TryParse(text, out var root, out var parseError))
        {
            return StepResult.Errored($"{wrap}error mutating bytes: error unmarshaling input: {parseError}");
        }
        foreach (var update in cfg.Updates)
        {
            if (!KeyPath.TrySplit(update.Key, out var parts, out var keyError))
            {
                return StepResult.Errored($"{wrap}error mutating bytes: error splitting key {update.Key}: {keyError}");
            }
            if (Find(root, parts) is not { } found)
            {
                return StepResult.Errored($"{wrap}error mutating bytes: error finding key {update.Key}: {FindError(root, parts)}");
            }
            var value = FormatValue(update.Value, found.InFlow);
            formatted.Add(value);
            edits[found.Start] = (found.End, value);
        }
        var result = Apply(text, edits);
        if (await StepFiles.TryWriteTextAsync(full, result, cancellationToken) is { } writeError)
        {
            return StepResult.Errored($"{wrap}error writing mutated bytes to file \"{full}\": {writeError}");
        }
        var message = new StringBuilder("Updated ").Append(cfg.Path).Append('\n');
        for (var i = 0; i < cfg.Updates.Count; i++)
        {
            message.Append("\n- ").Append(cfg.Updates[i].Key).Append(": ").Append(formatted[i]);
        }
        return StepResult.SucceededWithCommitMessage(message.ToString());
    }

    private static YamlSpanNode.Scalar? Find(YamlSpanNode? root, IReadOnlyList<string> parts) =>
        Walk(root, parts, out _) as YamlSpanNode.Scalar;

    private static string FindError(YamlSpanNode? root, IReadOnlyList<string> parts)
    {
        var node = Walk(root, parts, out var error);
        return error ?? (node is YamlSpanNode.Scalar ? "" : "key path does not address a scalar node");
    }

    private static YamlSpanNode? Walk(YamlSpanNode? node, IReadOnlyList<string> parts, out string? error)
    {
        error = null;
        foreach (var part in parts)
        {
            switch (node)
            {
                case YamlSpanNode.Mapping mapping:
                    node = mapping.Entries.FirstOrDefault(e => e.Key == part).Value;
                    if (node is null)
                    {
                        error = "key path not found";
                        return null;
                    }
                    break;
                case YamlSpanNode.Sequence sequence:
                    if (!int.TryParse(part, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var index))
                    {
                        error = $"strconv.Atoi: parsing \"{part}\": invalid syntax";
                        return null;
                    }
                    if (index < 0 || index >= sequence.Items.Count)
                    {
                        error = $"sequence index {index} is out of range (the sequence has {sequence.Items.Count} items)";
                        return null;
                    }
                    node = sequence.Items[index];
                    break;
                default:
                    error = "key path not found";
                    return null;
            }
        }
        return node;
    }

    /// <summary>Replaces each edited span; blanks left after an edited value at the end of its line are dropped.</summary>
    private static string Apply(string text, SortedDictionary<int, (int End, string Text)> edits)
    {
        var sb = new StringBuilder(text.Length + 64);
        var position = 0;
        foreach (var (start, (end, value)) in edits)
        {
            sb.Append(text, position, start - position);
            if (start == end && start > 0 && text[start - 1] is not (' ' or '\t' or '\n' or '\r'))
            {
                // An empty value ("key:") has no characters of its own; keep "key: value" readable as YAML.
                sb.Append(' ');
            }
            sb.Append(value);
            var replaced = text.AsSpan(start, end - start);
            position = end;
            if (replaced.EndsWith("\n"))
            {
                // A block scalar's span runs to the end of its last line: keep one line end.
                sb.Append(replaced.EndsWith("\r\n") ? "\r\n" : "\n");
                continue;
            }
            var rest = position;
            while (rest < text.Length && text[rest] is ' ' or '\t')
            {
                rest++;
            }
            if (rest == text.Length || text[rest] is '\n' or '\r')
            {
                position = rest;
            }
        }
        sb.Append(text, position, text.Length - position);
        if (sb.Length > 0 && sb[^1] != '\n')
        {
            sb.Append(text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n");
        }
        return sb.ToString();
    }

    /// <summary>The YAML text of a value: numbers as written, null as <c>null</c>, strings quoted when needed.</summary>
    internal static string FormatValue(JsonNode? value, bool inFlow)
    {
        switch (value?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                return "null";
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Number:
                return value.ToJsonString();
            case JsonValueKind.String:
                var s = value.GetValue<string>();
                return YamlScalarQuoting.NeedsQuotes(s, inFlow) ? GoFormat.Quote(s) : s;
            default:
                return value.ToJsonString();
        }
    }
}
