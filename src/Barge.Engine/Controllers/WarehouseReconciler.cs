using Barge.Resources.Durations;
using System.Text.Json;
using Barge.Engine.Audit;
using Barge.Engine.Credentials;
using Barge.Engine.Discovery;
using Barge.Engine.Manifests;
using Barge.Resources.Identity;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;
using Barge.Storage.Events;
using Barge.Storage.Watching;
using Microsoft.Extensions.Logging;

namespace Barge.Engine.Controllers;

/// <summary>
/// Kargo's Warehouse controller (spec §7.1): discovers when the Warehouse is new, its spec changed
/// (generation), a refresh was requested (annotation <c>kargo.akuity.io/refresh</c> ≠
/// <c>status.lastHandledRefresh</c>) or its interval passed; writes <c>status.discoveredArtifacts</c>
/// and the conditions; and, with the Automatic policy and satisfied criteria, creates Freight from the
/// newest artifacts. A failed discovery keeps what was discovered before and is retried with back-off.
/// </summary>
public sealed partial class WarehouseReconciler : IReconciler
{
    public const string RefreshAnnotation = "kargo.akuity.io/refresh";
    private const int StatusWriteAttempts = 5;
    private static readonly TimeSpan OverdueRequeue = TimeSpan.FromMilliseconds(100);

    private readonly IResourceStore _store;
    private readonly WarehouseDiscoverer _discoverer;
    private readonly Func<string, CancellationToken, Task<ICredentialProvider?>> _credentials;
    private readonly TimeProvider _time;
    private readonly FreightAliases _aliases;
    private readonly ILogger _logger;
    private readonly WarehouseReconcilerOptions _options;

    /// <param name="credentials">The credentials of a project (e.g. <see cref="StoreCredentialSource.ForProjectAsync"/>); null for anonymous.</param>
    /// <param name="random">The source of Freight aliases.</param>
    public WarehouseReconciler(
        IResourceStore store,
        WarehouseDiscoverer discoverer,
        Func<string, CancellationToken, Task<ICredentialProvider?>> credentials,
        TimeProvider time,
        Random random,
        ILogger<WarehouseReconciler> logger,
        WarehouseReconcilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(discoverer);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _discoverer = discoverer;
        _credentials = credentials;
        _time = time;
        _aliases = new FreightAliases(random);
        _logger = logger;
        _options = options ?? new WarehouseReconcilerOptions();
    }

    public string Name => "warehouse";

    public IReadOnlyList<string> WatchedKinds { get; } = ["Warehouse"];

    public IEnumerable<ResourceKey> KeysFor(ResourceChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Type == ChangeType.Deleted || change.Object.Key.Kind != "Warehouse" ? [] : [change.Object.Key];
    }

    public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        var stored = await _store.GetAsync(key, cancellationToken);
        if (stored is null || stored.DeletionTimestamp is not null)
        {
            return ReconcileResult.Done;
        }
        var spec = ResourceSerializer.FromJson<WarehouseSpec>(stored.Spec.GetRawText()) ?? new WarehouseSpec();
        var status = stored.Status is { ValueKind: JsonValueKind.Object } s ? ResourceSerializer.FromJson<WarehouseStatus>(s.GetRawText()) ?? new WarehouseStatus() : new WarehouseStatus();
        var interval = Interval(spec);
        var refresh = stored.Annotations.GetValueOrDefault(RefreshAnnotation);
        var now = _time.GetUtcNow();
        var discoveredAt = status.DiscoveredArtifacts?.DiscoveredAt;
        var refreshPending = !string.IsNullOrEmpty(refresh) && refresh != status.LastHandledRefresh;
        var due = discoveredAt is null
            || stored.Generation > status.ObservedGeneration
            || refreshPending
            || discoveredAt.Value + interval <= now;
        if (!due)
        {
            return ReconcileResult.After(discoveredAt!.Value + interval - now);
        }

        var conditions = new ConditionSet(status.Conditions);
        conditions.Set("Reconciling", ConditionSet.True, "ScheduledDiscovery", "Discovery is in progress", stored.Generation, now);
        conditions.Set("Ready", ConditionSet.False, "DiscoveryInProgress", "Discovery is in progress", stored.Generation, now);
        conditions.Set("Healthy", ConditionSet.Unknown, "DiscoveryInProgress", "Discovery is in progress", stored.Generation, now);
        (stored, status) = await WriteStatusAsync(key, status with { Conditions = conditions.ToList() }, cancellationToken);
        if (stored is null)
        {
            return ReconcileResult.Done;
        }

        LogDiscovering(_logger, key.Name, key.Project);
        var credentials = await _credentials(key.Project, cancellationToken);
        var outcome = await _discoverer.DiscoverAsync(spec, status.DiscoveredArtifacts, stored.Generation == status.ObservedGeneration, credentials, _time.GetUtcNow(), cancellationToken);
        now = _time.GetUtcNow();
        conditions = new ConditionSet(status.Conditions);
        conditions.Remove("Reconciling");
        if (!outcome.Succeeded)
        {
            var message = string.Join("; ", outcome.Errors);
            conditions.Set("Healthy", ConditionSet.False, "DiscoveryFailed", "Unable to discover artifacts: " + message, stored.Generation, now);
            conditions.Set("Ready", ConditionSet.False, "DiscoveryFailed", "Unable to discover artifacts: " + message, stored.Generation, now);
            // What was discovered before stays: a failed run loses nothing.
            await WriteStatusAsync(key, status with { Conditions = conditions.ToList(), LastHandledRefresh = refresh ?? status.LastHandledRefresh }, cancellationToken);
            LogDiscoveryFailed(_logger, key.Name, key.Project, message);
            return ReconcileResult.Failed(message);
        }

        var artifacts = outcome.Artifacts;
        var next = status with { LastHandledRefresh = refresh ?? status.LastHandledRefresh, ObservedGeneration = stored.Generation };
        if (FreightFactory.Validate(artifacts) is { } invalid)
        {
            conditions.Set("Healthy", ConditionSet.False, invalid.Reason, invalid.Message, stored.Generation, now);
            conditions.Set("Ready", ConditionSet.False, invalid.Reason, invalid.Message, stored.Generation, now);
            // The previous discovery stays, its time refreshed so the interval applies (no back-off).
            var kept = (status.DiscoveredArtifacts ?? new DiscoveredArtifacts()) with { DiscoveredAt = artifacts.DiscoveredAt };
            await WriteStatusAsync(key, next with { Conditions = conditions.ToList(), DiscoveredArtifacts = kept }, cancellationToken);
            return ReconcileResult.After(interval);
        }

        conditions.Set("Healthy", ConditionSet.True, "DiscoverySucceeded", "Discovery succeeded", stored.Generation, now);
        conditions.Set("Ready", ConditionSet.True, "DiscoverySucceeded", "Discovery succeeded", stored.Generation, now);
        next = next with { DiscoveredArtifacts = artifacts };
        if (spec.FreightCreationPolicy != FreightCreationPolicy.Manual)
        {
            next = await CreateFreightAsync(key, spec, next, artifacts, conditions, stored.Generation, now, cancellationToken);
        }
        await WriteStatusAsync(key, next with { Conditions = conditions.ToList() }, cancellationToken);
        return ReconcileResult.After(interval);
    }

    private async Task<WarehouseStatus> CreateFreightAsync(
        ResourceKey key, WarehouseSpec spec, WarehouseStatus status, DiscoveredArtifacts artifacts, ConditionSet conditions, long generation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!FreightCreationCriteriaEvaluator.TryEvaluate(spec.FreightCreationCriteria?.Expression, artifacts, out var satisfied, out var criteriaError))
        {
            conditions.Set("Healthy", ConditionSet.False, "CriteriaEvaluationFailed", criteriaError!, generation, now);
            conditions.Set("Ready", ConditionSet.False, "CriteriaEvaluationFailed", criteriaError!, generation, now);
            return status;
        }
        if (!satisfied)
        {
            conditions.Set("FreightCreationCriteriaSatisfied", ConditionSet.False, "CriteriaNotSatisfied",
                $"freight creation criteria \"{spec.FreightCreationCriteria?.Expression}\" not satisfied by the newest artifacts", generation, now);
            return status;
        }
        conditions.Remove("FreightCreationCriteriaSatisfied");
        var freight = FreightFactory.FromDiscovery(key.Project, key.Name, artifacts)!;
        var freightKey = new ResourceKey("Freight", key.Project, freight.Name);
        if (await _store.GetAsync(freightKey, cancellationToken) is not null)
        {
            conditions.Set("FreightCreated", ConditionSet.False, "AlreadyExists", $"Freight {freight.Name} already exists", generation, now);
            return status with { LastFreightID = freight.Name };
        }
        var alias = await _aliases.GenerateAsync((candidate, ct) => AliasTakenAsync(key.Project, candidate, ct), cancellationToken);
        freight = FreightAliases.WithAlias(freight, alias);
        var manifest = ResourceSerializer.ToJsonNode((Resource)freight);
        var resource = new NewResource(freightKey, KargoApi.Version, ManifestEnvelope.SpecOf("Freight", manifest))
        {
            Labels = new Dictionary<string, string>(freight.Metadata.Labels ?? [], StringComparer.Ordinal),
        };
        var audit = new AuditRecord(AuditTypes.FreightCreated, _options.Actor, $"Freight created by Warehouse \"{key.Name}\" with alias \"{alias}\"")
        {
            Freight = freight.Name,
            FreightAlias = alias,
            Origin = key.Name,
        };
        try
        {
            // The Freight and its audit entry are stored together: a crash can neither lose nor repeat the entry.
            await _store.ApplyAsync([new StoreOperation.Create(resource)], [audit.ToEventEntry(freightKey)], cancellationToken);
        }
        catch (ResourceAlreadyExistsException)
        {
            conditions.Set("FreightCreated", ConditionSet.False, "AlreadyExists", $"Freight {freight.Name} already exists", generation, now);
            return status with { LastFreightID = freight.Name };
        }
        LogFreightCreated(_logger, freight.Name, alias, key.Name, key.Project);
        conditions.Set("FreightCreated", ConditionSet.True, "NewFreight", $"Freight {freight.Name} created", generation, now);
        return status with { LastFreightID = freight.Name };
    }

    private async ValueTask<bool> AliasTakenAsync(string project, string alias, CancellationToken cancellationToken)
    {
        var query = ResourceQuery.OfKind("Freight", project) with
        {
            Labels = Storage.Selection.LabelSelector.FromLabels(new Dictionary<string, string>(StringComparer.Ordinal) { [KargoApi.AliasLabel] = alias }),
        };
        return (await _store.ListAsync(query, cancellationToken)).Items.Count > 0;
    }

    /// <summary>Writes the status on the latest resourceVersion (annotations may move meanwhile); null when the Warehouse is gone.</summary>
    private async Task<(StoredResource? Stored, WarehouseStatus Status)> WriteStatusAsync(ResourceKey key, WarehouseStatus status, CancellationToken cancellationToken)
    {
        var element = JsonSerializer.SerializeToElement(ResourceSerializer.ToJsonNode(status));
        for (var attempt = 1; ; attempt++)
        {
            var current = await _store.GetAsync(key, cancellationToken);
            if (current is null)
            {
                return (null, status);
            }
            try
            {
                return (await _store.UpdateStatusAsync(key, current.ResourceVersion, element, cancellationToken), status);
            }
            catch (ResourceConflictException) when (attempt < StatusWriteAttempts)
            {
                // Someone wrote the Warehouse between our read and write: read again.
            }
            catch (ResourceNotFoundException)
            {
                return (null, status);
            }
        }
    }

    private TimeSpan Interval(WarehouseSpec spec)
    {
        var interval = GoDuration.TryParse(spec.Interval, out var parsed) ? parsed : _options.DefaultInterval;
        interval = interval < _options.MinimumInterval ? _options.MinimumInterval : interval;
        return interval <= TimeSpan.Zero ? OverdueRequeue : interval;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "discovering artifacts for Warehouse \"{Warehouse}\" in project \"{Project}\"")]
    private static partial void LogDiscovering(ILogger logger, string warehouse, string project);

    [LoggerMessage(Level = LogLevel.Debug, Message = "discovery failed for Warehouse \"{Warehouse}\" in project \"{Project}\": {Error}")]
    private static partial void LogDiscoveryFailed(ILogger logger, string warehouse, string project, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Freight {Freight} (\"{Alias}\") created by Warehouse \"{Warehouse}\" in project \"{Project}\"")]
    private static partial void LogFreightCreated(ILogger logger, string freight, string alias, string warehouse, string project);
}
