using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

/// <summary>Verification phases: all but Pending and Running are terminal; a missing phase is not.</summary>
internal static class VerificationPhases
{
    public static bool IsTerminal(VerificationPhase? phase) =>
        phase is VerificationPhase.Successful or VerificationPhase.Failed or VerificationPhase.Error
            or VerificationPhase.Aborted or VerificationPhase.Inconclusive;
}
