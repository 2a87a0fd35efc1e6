using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

/// <summary>
/// Kargo's <c>verifyStageFreight</c> and <c>markFreightVerifiedForStage</c> (kargo-spec.md §7.5), the pure
/// part: whether to start, poll or abort a verification of the Stage's current collection; immediate
/// success without <c>spec.verification</c>; re-verify and abort requests; the Verified condition; and
/// which Freight becomes <c>verifiedIn</c> the Stage. Running an analysis is the runner's business.
/// </summary>
internal sealed class StageVerification
{
    private readonly TimeProvider time;

    public StageVerification(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.time = time;
    }

    /// <param name="stage">The Stage with this pass's status (queue and health already synced).</param>
    /// <param name="newId">The ID a new attempt gets (a UUID from the caller's random source).</param>
    public VerificationDecision Decide(Stage stage, string newId)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentException.ThrowIfNullOrEmpty(newId);
        var now = time.GetUtcNow();
        var status = stage.Status ?? new StageStatus();
        var current = FreightHistory.Current(status);
        if (current is null)
        {
            return new VerificationDecision(status with
            {
                Conditions = StageConditions.Set(status.Conditions, StageConditions.Verified, "Unknown", "NoFreight",
                    "Stage has no current Freight to verify", stage.Metadata.Generation, now),
            }, VerificationAction.None, null);
        }
        if (status.CurrentPromotion is not null)
        {
            return new VerificationDecision(status, VerificationAction.None, null);
        }
        var annotations = stage.Metadata.Annotations;
        var reverify = VerificationRequest.Parse(annotations?.GetValueOrDefault(PipelineAnnotations.Reverify));
        if (FreightCollections.CurrentVerification(current) is { } last)
        {
            if (!VerificationPhases.IsTerminal(last.Phase))
            {
                var abort = VerificationRequest.Parse(annotations?.GetValueOrDefault(PipelineAnnotations.Abort));
                if (abort is not null && abort.IsFor(last.Id))
                {
                    var aborted = last with
                    {
                        Actor = abort.Actor ?? last.Actor,
                        FinishTime = now,
                        Phase = VerificationPhase.Failed,
                        Message = "Verification aborted by user",
                    };
                    return new VerificationDecision(Record(stage, status, aborted), VerificationAction.Abort, aborted);
                }
                return new VerificationDecision(WithVerifiedCondition(stage, status), VerificationAction.Poll, last);
            }
            if (reverify is null || !reverify.IsFor(last.Id))
            {
                return new VerificationDecision(WithVerifiedCondition(stage, status), VerificationAction.None, null);
            }
        }
        if (!HealthStates.PassesChecks(status.Health?.Status))
        {
            return new VerificationDecision(WithVerifiedCondition(stage, status), VerificationAction.None, null);
        }
        if (stage.Spec?.Verification is null)
        {
            var success = new VerificationInfo { Id = newId, StartTime = now, FinishTime = now, Phase = VerificationPhase.Successful };
            return new VerificationDecision(Record(stage, status, success), VerificationAction.Recorded, success);
        }
        var lastId = FreightCollections.CurrentVerification(current)?.Id;
        var pending = new VerificationInfo
        {
            Id = newId,
            StartTime = now,
            Phase = VerificationPhase.Pending,
            Actor = reverify is not null && reverify.IsFor(lastId) ? reverify.Actor : null,
        };
        return new VerificationDecision(Record(stage, status, pending), VerificationAction.Start, pending);
    }

    /// <summary>Records an attempt (new or updated by ID) on the current collection and sets the Verified condition.</summary>
    public StageStatus Record(Stage stage, StageStatus status, VerificationInfo info)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(info);
        if (FreightHistory.Current(status) is not { } current)
        {
            return status;
        }
        var history = new List<FreightCollection>(status.FreightHistory!) { [0] = FreightCollections.RecordVerification(current, info) };
        return WithVerifiedCondition(stage, status with { FreightHistory = history });
    }

    /// <summary>
    /// The Freight that becomes <c>verifiedIn</c> the Stage now, and when it was verified: every Freight of
    /// the current collection once the Stage passes health checks and its latest verification is
    /// Successful; none otherwise. Applying <see cref="FreightBookkeeping.MarkVerified"/> keeps a first verification.
    /// </summary>
    public static (IReadOnlyList<string> Freight, DateTimeOffset VerifiedAt) FreightToMarkVerified(Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var status = stage.Status;
        var current = FreightHistory.Current(status);
        var last = FreightCollections.CurrentVerification(current);
        if (!HealthStates.PassesChecks(status?.Health?.Status) || last is null
            || FreightCollections.HasNonTerminalVerification(current) || last.Phase != VerificationPhase.Successful)
        {
            return ([], default);
        }
        var names = (current!.Items?.Values.AsEnumerable() ?? []).Select(r => r.Name ?? "").Where(n => n.Length > 0).Order(StringComparer.Ordinal).ToList();
        return (names, last.FinishTime ?? last.StartTime ?? DateTimeOffset.MinValue);
    }

    /// <summary>
    /// Kargo's control-flow Stages (no steps): every available Freight is verified in the Stage at once,
    /// which fans it out to the Stages downstream. Returns the status writes for Freight not yet verified there.
    /// </summary>
    public IReadOnlyList<FreightStatusUpdate> VerifyControlFlow(Stage stage, IEnumerable<Freight> available)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(available);
        var now = time.GetUtcNow();
        return available
            .Where(f => f.Status?.VerifiedIn?.ContainsKey(stage.Name) != true)
            .Select(f => new FreightStatusUpdate(f.Name, FreightBookkeeping.MarkVerified(f.Status, stage.Name, now)))
            .ToList();
    }

    /// <summary>
    /// After a Promotion of Freight already in the current collection succeeds, Kargo asks for the
    /// current verification to be re-run: the request to write on the Stage, or null when there is none to re-run.
    /// </summary>
    public static VerificationRequest? ReverifyAfterRepromotion(Stage stage, string promotedFreight, string? actor)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var current = FreightHistory.Current(stage.Status);
        if (FreightCollections.CurrentVerification(current) is not { Id: { Length: > 0 } id } || !FreightCollections.Includes(current, promotedFreight))
        {
            return null;
        }
        return new VerificationRequest(id, actor, false);
    }

    /// <summary>Kargo's Verified condition: True once any attempt succeeded, else after the newest attempt's phase.</summary>
    private StageStatus WithVerifiedCondition(Stage stage, StageStatus status)
    {
        var history = FreightHistory.Current(status)?.VerificationHistory;
        if (history is not { Count: > 0 })
        {
            return status;
        }
        var (value, reason, message) = history.Exists(v => v.Phase == VerificationPhase.Successful)
            ? ("True", "Verified", "Freight has been verified")
            : history[0].Phase switch
            {
                VerificationPhase.Pending => ("Unknown", "VerificationPending", "Freight is pending verification"),
                VerificationPhase.Running => ("Unknown", "VerificationRunning", "Freight is currently being verified"),
                VerificationPhase.Failed => ("False", "VerificationFailed", history[0].Message),
                VerificationPhase.Error => ("False", "VerificationError", history[0].Message),
                VerificationPhase.Aborted => ("False", "VerificationAborted", history[0].Message),
                VerificationPhase.Inconclusive => ("Unknown", "VerificationInconclusive", history[0].Message),
                _ => ("Unknown", "UnknownVerificationPhase", $"Freight verification is in an unknown phase: {history[0].Phase}"),
            };
        return status with
        {
            Conditions = StageConditions.Set(status.Conditions, StageConditions.Verified, value, reason, message, stage.Metadata.Generation, time.GetUtcNow()),
        };
    }
}
