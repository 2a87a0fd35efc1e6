using Barge.Engine.Audit;
using Barge.Engine.Pipeline;
using Barge.Engine.Verification;
using Barge.Resources.Model;
using Barge.Storage;
using Barge.Storage.Events;

namespace Barge.Engine.Controllers.Stages;

/// <summary>
/// Carries out a <see cref="StageVerification.Decide"/> decision with the verification runner (kargo-spec.md
/// §7.5): start, poll or abort the analysis and record its state on the Stage's current collection, with
/// VerificationStarted/VerificationFinished audit entries. Without a runner, a Stage with
/// <c>spec.verification</c> gets an Error verification saying so.
/// </summary>
internal sealed class VerificationDriver(StageVerification verification, IVerificationRunner? runner, TimeProvider time)
{
    public const string NotConfigured = "verification with AnalysisTemplates is not configured in this process";

    public async Task<(Stage Stage, TimeSpan? RecheckAfter)> RunAsync(Stage stage, List<EventEntry> events, CancellationToken cancellationToken)
    {
        var decision = verification.Decide(stage, Guid.NewGuid().ToString());
        stage = stage with { Status = decision.Status };
        if (decision.Info is not { } info)
        {
            return (stage, null);
        }
        switch (decision.Action)
        {
            case VerificationAction.Start:
                events.Add(Audit(stage, AuditTypes.VerificationStarted, info, $"verification {info.Id} of Stage \"{stage.Name}\" started"));
                return Record(stage, runner is null ? Errored(info) : await runner.StartAsync(stage, info, cancellationToken), events);
            case VerificationAction.Poll:
                return Record(stage, runner is null ? Errored(info) : await runner.PollAsync(stage, info, cancellationToken), events);
            case VerificationAction.Abort:
                if (runner is not null)
                {
                    await runner.AbortAsync(stage, info, cancellationToken);
                }
                events.Add(Audit(stage, AuditTypes.VerificationFinished, info, $"verification {info.Id} of Stage \"{stage.Name}\" aborted"));
                return (stage, null);
            default:
                return (stage, null);
        }
    }

    private (Stage, TimeSpan?) Record(Stage stage, VerificationProgress progress, List<EventEntry> events)
    {
        var status = verification.Record(stage, stage.Status ?? new StageStatus(), progress.Info);
        if (VerificationPhases.IsTerminal(progress.Info.Phase))
        {
            var message = $"verification {progress.Info.Id} of Stage \"{stage.Name}\" ended {progress.Info.Phase}"
                + (progress.Info.Message is { Length: > 0 } m ? ": " + m : "");
            events.Add(Audit(stage, AuditTypes.VerificationFinished, progress.Info, message));
            return (stage with { Status = status }, null);
        }
        return (stage with { Status = status }, progress.RecheckAfter ?? TimeSpan.FromSeconds(10));
    }

    private VerificationProgress Errored(VerificationInfo info) =>
        new(info with { Phase = VerificationPhase.Error, Message = NotConfigured, FinishTime = time.GetUtcNow() }, null);

    private static EventEntry Audit(Stage stage, string type, VerificationInfo info, string message)
    {
        var items = FreightHistory.Current(stage.Status)?.Items?.Values.ToList() ?? [];
        var record = new AuditRecord(type, info.Actor is { Length: > 0 } actor ? actor : PipelineAnnotations.StageControllerActor, message)
        {
            Stage = stage.Name,
            Freight = items.Count == 0 ? null : string.Join(",", items.Select(i => i.Name)),
            Origin = items.Count == 0 ? null : string.Join(",", items.Select(i => i.Origin?.Name)),
            Phase = info.Phase?.ToString(),
        };
        return record.ToEventEntry(new ResourceKey("Stage", stage.Project, stage.Name));
    }
}
