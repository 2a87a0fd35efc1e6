using System.Text.Json.Nodes;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>compose-output</c>: the evaluated config (at least one property) becomes the step's output.
/// Inside a PromotionTask the engine also merges it into the task's own alias
/// (<see cref="PromotionEngine"/>, task output propagation), so the template reads <c>outputs.T.key</c>.
/// </summary>
internal sealed class ComposeOutputStep : IPromotionStep
{
    public string Kind => "compose-output";

    public bool HasSideEffects => false;

    public Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Count == 0)
        {
            var errors = new StepConfigErrors(Kind);
            errors.Add("(root)", "Must have at least 1 properties");
            return Task.FromResult(errors.ToResult());
        }
        var output = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in config)
        {
            output[key] = value?.DeepClone();
        }
        return Task.FromResult(StepResult.Succeeded(output));
    }
}
