using Barge.Resources.Model;

namespace Barge.Engine.Verification;

/// <summary>
/// Runs the analysis of a Stage's <c>spec.verification</c> for the Stage reconciler
/// (kargo-spec.md §7.5). The runner keeps its state in the store (an analysis run resource), so a
/// restart resumes a verification instead of starting it again; the reconciler calls
/// <see cref="PollAsync"/> again after <see cref="VerificationProgress.RecheckAfter"/>.
/// </summary>
public interface IVerificationRunner
{
    /// <summary>
    /// Starts the analysis for <paramref name="pending"/> (the attempt <c>StageVerification.Decide</c>
    /// created). Returns it with <c>AnalysisRun</c> set and phase Pending/Running, or phase Error with a
    /// message naming the Stage and template when the analysis cannot start (missing template,
    /// unsupported field).
    /// </summary>
    Task<VerificationProgress> StartAsync(Stage stage, VerificationInfo pending, CancellationToken cancellationToken);

    /// <summary>Takes the measurements that are due and returns the attempt's state; terminal when the analysis finished.</summary>
    Task<VerificationProgress> PollAsync(Stage stage, VerificationInfo running, CancellationToken cancellationToken);

    /// <summary>Stops the analysis of <paramref name="aborted"/> (already marked Failed by the reconciler); takes no further measurement.</summary>
    Task AbortAsync(Stage stage, VerificationInfo aborted, CancellationToken cancellationToken);
}
