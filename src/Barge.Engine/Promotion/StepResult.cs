using System.Text.Json.Nodes;

namespace Barge.Engine.Promotion;

/// <summary>
/// What a step run produced. <see cref="Terminal"/> marks an error that must not be retried;
/// <see cref="RetryAfter"/> is the suggested delay before a <see cref="StepStatus.Running"/> step is
/// polled again. <see cref="Output"/> is null when the step returns no output map.
/// </summary>
internal sealed record StepResult(
    StepStatus Status,
    string? Message = null,
    IReadOnlyDictionary<string, JsonNode?>? Output = null,
    bool Terminal = false,
    TimeSpan? RetryAfter = null)
{
    public static StepResult Succeeded(IReadOnlyDictionary<string, JsonNode?>? output = null, string? message = null) =>
        new(StepStatus.Succeeded, message, output);

    public static StepResult Skipped(IReadOnlyDictionary<string, JsonNode?>? output = null, string? message = null) =>
        new(StepStatus.Skipped, message, output);

    /// <summary>A business failure; terminal unless the step says it may be retried.</summary>
    public static StepResult Failed(string message, bool terminal = true) =>
        new(StepStatus.Failed, message, Terminal: terminal);

    /// <summary>A runtime error; retried by the engine up to the step's error threshold unless terminal.</summary>
    public static StepResult Errored(string message, bool terminal = false) =>
        new(StepStatus.Errored, message, Terminal: terminal);

    public static StepResult Running(TimeSpan? retryAfter = null, string? message = null) =>
        new(StepStatus.Running, message, RetryAfter: retryAfter);

    /// <summary>An output map holding a single <c>commitMessage</c>.</summary>
    public static StepResult SucceededWithCommitMessage(string commitMessage) =>
        Succeeded(new Dictionary<string, JsonNode?>(StringComparer.Ordinal) { ["commitMessage"] = commitMessage });
}
