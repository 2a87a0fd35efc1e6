namespace Barge.Engine.Pipeline;

/// <summary>One reason a piece of Freight is not available to a Stage, for the UI and the CLI.</summary>
/// <param name="Kind">What is missing.</param>
/// <param name="UpstreamStage">The upstream Stage the reason is about, when there is one.</param>
/// <param name="SoakRemaining">For <see cref="UnavailableReasonKind.SoakTimeRemaining"/>: how much soak is left.</param>
/// <param name="Message">A sentence naming the Freight and the Stages.</param>
public sealed record UnavailableReason(UnavailableReasonKind Kind, string? UpstreamStage, TimeSpan? SoakRemaining, string Message)
{
    public override string ToString() => Message;
}
