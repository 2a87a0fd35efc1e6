using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

/// <summary>What <see cref="StageVerification.Decide"/> decided.</summary>
/// <param name="Status">The Stage's new status (the attempt recorded, the Verified condition set).</param>
/// <param name="Action">What to do with the verification runner.</param>
/// <param name="Info">The attempt the action is about; a terminal one is also worth an event and a history entry.</param>
internal sealed record VerificationDecision(StageStatus Status, VerificationAction Action, VerificationInfo? Info);
