namespace Barge.Cli.Eval;

/// <summary>
/// One evaluation for <c>barge eval</c>: either <see cref="Expression"/> (plain expr) or
/// <see cref="Template"/> (a <c>${{ }}</c> string), with an optional environment as JSON object text.
/// </summary>
internal sealed record EvalRequest(string? Expression, string? Template, string? EnvironmentJson);
