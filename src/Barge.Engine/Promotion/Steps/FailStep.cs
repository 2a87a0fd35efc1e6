using System.Text.Json.Nodes;

namespace Barge.Engine.Promotion.Steps;

/// <summary><c>fail</c>: always a terminal Failed, <c>failed</c> or <c>failed: &lt;message&gt;</c>.</summary>
internal sealed class FailStep : IPromotionStep
{
    public string Kind => "fail";

    public bool HasSideEffects => false;

    public Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        var errors = new StepConfigErrors(Kind);
        var root = errors.Root(config);
        root.AllowOnly("message");
        var message = root.String("message", minLength: 1);
        if (errors.Any)
        {
            return Task.FromResult(errors.ToResult());
        }
        return Task.FromResult(StepResult.Failed(string.IsNullOrEmpty(message) ? "failed" : "failed: " + message));
    }
}
