namespace Barge.Engine.Pipeline;

/// <summary>What the Stage reconciler must do with the verification runner after <see cref="StageVerification.Decide"/>.</summary>
internal enum VerificationAction
{
    /// <summary>Nothing: no Freight, a Promotion is running, already verified, or the Stage has not passed health checks.</summary>
    None,

    /// <summary>The decision was recorded in the status as is (immediate success, or an abort).</summary>
    Recorded,

    /// <summary>Start the analysis of <see cref="VerificationDecision.Info"/> (recorded as Pending).</summary>
    Start,

    /// <summary>Ask the running analysis of <see cref="VerificationDecision.Info"/> for its result.</summary>
    Poll,

    /// <summary>Stop the running analysis; <see cref="VerificationDecision.Info"/> is the Failed attempt already recorded.</summary>
    Abort,
}
