using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Engine.Pipeline;
using Barge.Engine.Promotion;
using Barge.Engine.Verification;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;
using Barge.Storage.Events;
using Barge.Storage.Watching;
using Microsoft.Extensions.Logging;

namespace Barge.Engine.Controllers.Stages;

/// <summary>
/// Kargo's Stage controller (kargo-spec.md §7.2–7.5): each pass reads the Stage, its Promotions, the
/// project's Freight and ProjectConfig, runs <see cref="StagePass"/>, and writes everything it decided
/// — the Stage status, the Freight statuses, the auto-promotions to create and their audit entries —
/// in one compare-and-swap transaction; a conflict requeues the pass. A deleted Stage is forgotten by
/// the Freight that were verified in or approved for it.
/// </summary>
public sealed partial class StageReconciler : IReconciler
{
    private static readonly TimeSpan ConflictRequeue = TimeSpan.FromMilliseconds(20);
    private readonly IResourceStore _store;
    private readonly ILogger _logger;
    private readonly StageIndex _index = new();
    private readonly StagePass _pass;

    /// <param name="verification">Runs <c>spec.verification</c> analyses; null makes such verifications end in Error.</param>
    public StageReconciler(IResourceStore store, TimeProvider time, IVerificationRunner? verification, ILogger<StageReconciler> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _logger = logger;
        _pass = new StagePass(time, verification, new PromotionFactory(store, time, RandomNumberGenerator.Create()));
    }

    public string Name => "stage";

    public IReadOnlyList<string> WatchedKinds { get; } = ["Stage", "Freight", "Promotion", "ProjectConfig"];

    public IEnumerable<ResourceKey> KeysFor(ResourceChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var resource = change.Object;
        var project = resource.Key.Project;
        switch (resource.Key.Kind)
        {
            case "Stage":
                if (change.Type == ChangeType.Deleted)
                {
                    _index.Remove(resource.Key);
                }
                else
                {
                    _index.Put(resource);
                }
                return [resource.Key, .. _index.Downstream(project, resource.Key.Name).Select(s => StageKey(project, s))];
            case "Freight":
                return FreightStages(resource).Select(s => StageKey(project, s));
            case "Promotion":
                return StringProperty(resource.Spec, "stage") is { Length: > 0 } stage ? [StageKey(project, stage)] : [];
            case "ProjectConfig":
                return _index.InProject(project).Select(s => StageKey(project, s));
            default:
                return [];
        }
    }

    public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        var stored = await _store.GetAsync(key, cancellationToken);
        if (stored is null || stored.DeletionTimestamp is not null)
        {
            return await CleanUpAsync(key, cancellationToken);
        }
        var snapshot = await StageSnapshot.LoadAsync(_store, stored, cancellationToken);
        var result = await _pass.RunAsync(snapshot, cancellationToken);
        var operations = new List<StoreOperation>();
        var before = ResourceSerializer.ToJsonNode(snapshot.Stage.Status ?? new StageStatus());
        var after = ResourceSerializer.ToJsonNode(result.Status);
        if (!JsonNode.DeepEquals(before, after))
        {
            operations.Add(new StoreOperation.UpdateStatus(key, stored.ResourceVersion, JsonSerializer.SerializeToElement(after)));
        }
        operations.AddRange(snapshot.ChangedFreight.Select(f => FreightWrite(f.Stored, f.Typed)));
        operations.AddRange(result.Create.Select(p => new StoreOperation.Create(p.Resource!)));
        var events = new List<EventEntry>(result.Events);
        events.AddRange(result.Create.Select(p => p.Audit!));
        if (operations.Count > 0 || events.Count > 0)
        {
            try
            {
                await _store.ApplyAsync(operations, events, cancellationToken);
            }
            catch (ResourceConflictException e)
            {
                LogConflict(_logger, key.Name, key.Project, e.Message);
                return ReconcileResult.After(ConflictRequeue);
            }
            catch (ResourceAlreadyExistsException e)
            {
                LogConflict(_logger, key.Name, key.Project, e.Message);
                return ReconcileResult.After(ConflictRequeue);
            }
            foreach (var created in result.Create)
            {
                LogAutoPromoted(_logger, created.Creation.Promotion!.Name, key.Name, key.Project);
            }
        }
        return result.RequeueAfter is { } delay ? ReconcileResult.After(delay) : ReconcileResult.Done;
    }

    /// <summary>Kargo's <c>handleDelete</c>: Freight forget that they were verified in or approved for the Stage.</summary>
    private async Task<ReconcileResult> CleanUpAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        var freight = await StageSnapshot.LoadFreightAsync(_store, key.Project, cancellationToken);
        var updates = StageDeletion.Cleanup(key.Name, freight.Values.Select(f => f.Item2));
        if (updates.Count == 0)
        {
            return ReconcileResult.Done;
        }
        var operations = updates.Select(u => FreightWrite(freight[u.Freight].Item1, freight[u.Freight].Item2 with { Status = u.Status })).ToList();
        try
        {
            await _store.ApplyAsync(operations, cancellationToken);
            return ReconcileResult.Done;
        }
        catch (ResourceConflictException)
        {
            return ReconcileResult.After(ConflictRequeue);
        }
    }

    private static StoreOperation.UpdateStatus FreightWrite(StoredResource stored, Freight freight) =>
        new StoreOperation.UpdateStatus(stored.Key, stored.ResourceVersion,
            JsonSerializer.SerializeToElement(ResourceSerializer.ToJsonNode(freight.Status ?? new FreightStatus())));

    /// <summary>The Stages a Freight change concerns: those requesting its origin (downstream Stages request it too) and those it is in.</summary>
    private HashSet<string> FreightStages(StoredResource freight)
    {
        var stages = new HashSet<string>(StringComparer.Ordinal);
        if (freight.Spec.ValueKind == JsonValueKind.Object && freight.Spec.TryGetProperty("origin", out var origin)
            && StringProperty(origin, "name") is { Length: > 0 } warehouse)
        {
            stages.UnionWith(_index.RequestingOrigin(freight.Key.Project, warehouse));
        }
        if (freight.Status is { ValueKind: JsonValueKind.Object } status && status.TryGetProperty("currentlyIn", out var currentlyIn)
            && currentlyIn.ValueKind == JsonValueKind.Object)
        {
            stages.UnionWith(currentlyIn.EnumerateObject().Select(p => p.Name));
        }
        return stages;
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static ResourceKey StageKey(string project, string stage) => new("Stage", project, stage);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stage \"{Stage}\" in project \"{Project}\" changed while reconciling ({Reason}); requeued")]
    private static partial void LogConflict(ILogger logger, string stage, string project, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "created Promotion \"{Promotion}\" for auto-promotion into Stage \"{Stage}\" in project \"{Project}\"")]
    private static partial void LogAutoPromoted(ILogger logger, string promotion, string stage, string project);
}
