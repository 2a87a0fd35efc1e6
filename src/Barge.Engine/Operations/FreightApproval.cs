using Barge.Engine.Audit;
using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Engine.Operations;

/// <summary>
/// A person approves Freight for a Stage (kargo-rest-api.md §4.9): the Stage must request the Freight's
/// origin; <c>status.approvedFor[stage]</c> and a FreightApproved audit entry are written in one
/// transaction. Approving again writes nothing.
/// </summary>
public sealed class FreightApproval
{
    private readonly IResourceStore _store;
    private readonly FreightBookkeeping _bookkeeping;

    public FreightApproval(IResourceStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _bookkeeping = new FreightBookkeeping(time);
    }

    /// <summary>Approves <paramref name="freight"/> (name or alias) for <paramref name="stage"/> on behalf of <paramref name="actor"/>.</summary>
    public async Task<OperationResult> ApproveAsync(string project, string freight, string stage, string actor, CancellationToken cancellationToken)
    {
        if (OperationReads.MissingArgument(("project", project), ("freight", freight), ("stage", stage), ("actor", actor)) is { } missing)
        {
            return OperationResult.Fail(OperationFailure.BadInput, missing);
        }
        for (var attempt = 1; ; attempt++)
        {
            var lookup = await OperationReads.FindFreightAsync(_store, project, freight, cancellationToken);
            if (lookup.Freight is not { } found || lookup.Stored is not { } stored)
            {
                return OperationResult.Fail(lookup.Failure, lookup.Message);
            }
            if (await OperationReads.GetStageAsync(_store, project, stage, cancellationToken) is not { Stage: var target })
            {
                return OperationResult.Fail(OperationFailure.NotFound, $"Stage \"{stage}\" not found in project \"{project}\"");
            }
            if (!(target.Spec?.RequestedFreight ?? []).Any(r => OriginKeys.Same(r.Origin, found.Origin)))
            {
                return OperationResult.Fail(OperationFailure.BadInput,
                    $"Stage \"{stage}\" in project \"{project}\" does not request Freight from origin \"{OriginKeys.Of(found.Origin)}\"");
            }
            var before = found.Status ?? new FreightStatus();
            var after = _bookkeeping.Approve(before, stage);
            if (ReferenceEquals(before, after))
            {
                return OperationResult.Unchanged($"Freight \"{found.Name}\" is already approved for Stage \"{stage}\" in project \"{project}\"");
            }
            var record = new AuditRecord(AuditTypes.FreightApproved, actor, $"Freight approved for Stage \"{stage}\" by \"{actor}\"")
            {
                Stage = stage,
                Freight = found.Name,
                FreightAlias = found.Alias,
                Origin = found.Origin?.Name,
            };
            try
            {
                await _store.ApplyAsync(
                    [new StoreOperation.UpdateStatus(stored.Key, stored.ResourceVersion, OperationReads.ToElement(after))],
                    [record.ToEventEntry(stored.Key)],
                    cancellationToken);
                return OperationResult.Done($"Freight \"{found.Name}\" approved for Stage \"{stage}\" in project \"{project}\"");
            }
            catch (ResourceConflictException) when (attempt < OperationReads.WriteAttempts)
            {
                // A reconciler wrote the Freight's status in between: read it again and re-apply the approval.
            }
        }
    }
}
