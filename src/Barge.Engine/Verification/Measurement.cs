using Barge.Resources.Model;

namespace Barge.Engine.Verification;

/// <summary>One measurement: its phase (Successful, Failed, Inconclusive or Error), the value read, and why.</summary>
internal sealed record Measurement(VerificationPhase Phase, DateTimeOffset StartedAt, DateTimeOffset FinishedAt)
{
    /// <summary>The result as JSON text (a string result raw).</summary>
    public string? Value { get; init; }

    public string? Message { get; init; }
}
