using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Engine.Operations;

/// <summary>
/// A person asks the Stage reconciler to verify the current Freight again, or to abort the running
/// verification (kargo-rest-api.md §4.13): the request is the Stage annotation
/// <see cref="PipelineAnnotations.Reverify"/> or <see cref="PipelineAnnotations.Abort"/> holding a
/// <see cref="VerificationRequest"/> for the current verification's ID; the reconciler acts on it.
/// </summary>
public sealed class StageVerificationRequests
{
    private readonly IResourceStore _store;

    public StageVerificationRequests(IResourceStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
    }

    /// <summary>Requests a new verification of the Stage's current Freight.</summary>
    public Task<OperationResult> ReverifyAsync(string project, string stage, string actor, CancellationToken cancellationToken) =>
        RequestAsync(project, stage, actor, PipelineAnnotations.Reverify, cancellationToken);

    /// <summary>Requests the abort of the Stage's running verification; nothing is written when it already finished.</summary>
    public Task<OperationResult> AbortVerificationAsync(string project, string stage, string actor, CancellationToken cancellationToken) =>
        RequestAsync(project, stage, actor, PipelineAnnotations.Abort, cancellationToken);

    private async Task<OperationResult> RequestAsync(string project, string stage, string actor, string annotation, CancellationToken cancellationToken)
    {
        if (OperationReads.MissingArgument(("project", project), ("stage", stage), ("actor", actor)) is { } missing)
        {
            return OperationResult.Fail(OperationFailure.BadInput, missing);
        }
        for (var attempt = 1; ; attempt++)
        {
            if (await OperationReads.GetStageAsync(_store, project, stage, cancellationToken) is not var (stored, target))
            {
                return OperationResult.Fail(OperationFailure.NotFound, $"Stage \"{stage}\" not found in project \"{project}\"");
            }
            var subject = $"Stage \"{stage}\" in project \"{project}\"";
            if (target.Status?.FreightHistory is not [var current, ..] || current.Items is not { Count: > 0 })
            {
                return OperationResult.Fail(OperationFailure.Conflict, $"{subject} has no current Freight");
            }
            if (Pipeline.FreightCollections.CurrentVerification(current) is not { } verification)
            {
                return OperationResult.Fail(OperationFailure.Conflict, $"{subject} has no current verification");
            }
            if (string.IsNullOrEmpty(verification.Id))
            {
                return OperationResult.Fail(OperationFailure.Conflict, $"{subject}: the current verification has no ID");
            }
            var abort = annotation == PipelineAnnotations.Abort;
            if (abort && VerificationPhases.IsTerminal(verification.Phase))
            {
                return OperationResult.Unchanged($"{subject}: verification \"{verification.Id}\" already finished ({verification.Phase}); nothing to abort");
            }
            var value = new VerificationRequest(verification.Id, actor, ControlPlane: false).ToString();
            if (stored.Annotations.TryGetValue(annotation, out var existing) && existing == value)
            {
                return OperationResult.Unchanged($"{subject}: {(abort ? "abort" : "re-verification")} of \"{verification.Id}\" is already requested");
            }
            var annotations = new Dictionary<string, string>(stored.Annotations, StringComparer.Ordinal) { [annotation] = value };
            try
            {
                await _store.UpdateAsync(ResourceUpdate.From(stored, stored.Spec) with { Annotations = annotations }, cancellationToken);
                return OperationResult.Done($"{subject}: {(abort ? "abort" : "re-verification")} of verification \"{verification.Id}\" requested");
            }
            catch (ResourceConflictException) when (attempt < OperationReads.WriteAttempts)
            {
                // The reconciler wrote the Stage in between: read the current verification again.
            }
        }
    }
}
