using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Engine.Controllers;
using Barge.Engine.Operations;
using Barge.Engine.Promotion;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Server.Api;

/// <summary>
/// The write side of the API (and of the UI to come) other than manifests: delete, refresh, Freight
/// alias, promote and abort. Every operation names its actor; every conflict of a concurrent writer is
/// retried on a fresh read a few times, then reported as 409.
/// </summary>
public sealed class ResourceActions
{
    private const int Attempts = 5;

    private readonly IResourceStore _store;
    private readonly TimeProvider _time;
    private readonly string _workRoot;

    /// <param name="workRoot">The Promotion work directory root (<c>$BARGE_HOME/work</c>).</param>
    public ResourceActions(IResourceStore store, TimeProvider time, string workRoot)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrEmpty(workRoot);
        _store = store;
        _time = time;
        _workRoot = workRoot;
    }

    /// <summary>
    /// Deletes a resource by key; 404 when it is not there. A Project goes with everything in it, in one
    /// transaction (409 when something in it changed meanwhile; nothing is deleted then).
    /// </summary>
    public async Task<ApiOutcome<StoredResource>> DeleteAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        try
        {
            if (key.Kind != "Project")
            {
                return await _store.DeleteAsync(key, cancellationToken: cancellationToken);
            }
            var project = await _store.GetAsync(key, cancellationToken);
            if (project is null)
            {
                return ApiError.NotFound(KargoNames.NotFound(key));
            }
            var operations = await ProjectContents.DeletionAsync(_store, project, new HashSet<ResourceKey>(), cancellationToken);
            var deleted = await _store.ApplyAsync(operations, cancellationToken);
            return deleted[^1];
        }
        catch (ResourceNotFoundException)
        {
            return ApiError.NotFound(KargoNames.NotFound(key));
        }
        catch (ResourceConflictException)
        {
            return ApiError.Conflict($"project \"{key.Name}\" changed while it was being deleted; nothing was deleted, try again");
        }
    }

    /// <summary>
    /// Sets <c>kargo.akuity.io/refresh</c> to now (RFC 3339), as Kargo; for a Stage with a current
    /// Promotion, that Promotion is refreshed too.
    /// </summary>
    public async Task<ApiOutcome<StoredResource>> RefreshAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        var stamp = _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var refreshed = await AnnotateAsync(key, WarehouseReconciler.RefreshAnnotation, stamp, cancellationToken);
        if (!refreshed.Succeeded || key.Kind != "Stage")
        {
            return refreshed;
        }
        if (refreshed.Value.Status is { ValueKind: JsonValueKind.Object } status
            && status.TryGetProperty("currentPromotion", out var current) && current.ValueKind == JsonValueKind.Object
            && current.TryGetProperty("name", out var name) && name.GetString() is { Length: > 0 } promotion)
        {
            var inner = await AnnotateAsync(new ResourceKey("Promotion", key.Project, promotion), WarehouseReconciler.RefreshAnnotation, stamp, cancellationToken);
            if (!inner.Succeeded)
            {
                return inner.Error with { Message = "failed to refresh current Promotion: " + inner.Error.Message };
            }
        }
        return refreshed;
    }

    /// <summary>Kargo's alias update: label and top-level <c>alias</c> both, unique in the project.</summary>
    public async Task<ApiOutcome<StoredResource>> UpdateFreightAliasAsync(string project, StoredResource freight, string newAlias, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(newAlias))
        {
            return ApiError.BadRequest("newAlias query parameter is required");
        }
        var current = freight;
        for (var attempt = 1; ; attempt++)
        {
            var holders = await _store.ListAsync(
                ResourceQuery.OfKind("Freight", project) with { Labels = Storage.Selection.LabelSelector.Parse($"{KargoApi.AliasLabel}={newAlias}") }, cancellationToken);
            if (holders.Items.Any(h => h.Key.Name != current.Key.Name))
            {
                return ApiError.Conflict($"alias \"{newAlias}\" already used by another piece of Freight in namespace \"{project}\"");
            }
            var spec = JsonNode.Parse(current.Spec.GetRawText())!.AsObject();
            spec["alias"] = newAlias;
            var labels = new Dictionary<string, string>(current.Labels, StringComparer.Ordinal) { [KargoApi.AliasLabel] = newAlias };
            try
            {
                return await _store.UpdateAsync(ResourceUpdate.From(current, JsonSerializer.SerializeToElement(spec)) with { Labels = labels }, cancellationToken);
            }
            catch (ResourceConflictException) when (attempt < Attempts)
            {
                current = await _store.GetAsync(current.Key, cancellationToken) ?? current;
            }
            catch (ResourceConflictException ex)
            {
                return ApiError.Conflict(ex.Message);
            }
        }
    }

    /// <summary>
    /// Kargo's promote-to-Stage: exactly one of Freight name, alias or origin (<c>Warehouse/&lt;name&gt;</c>);
    /// the created Promotion as stored. The controllers run it.
    /// </summary>
    public async Task<ApiOutcome<StoredResource>> PromoteAsync(string project, string stage, PromoteBody body, string actor, CancellationToken cancellationToken)
    {
        var built = RequestOf(project, stage, body, actor);
        if (!built.Succeeded)
        {
            return built.Error;
        }
        var request = built.Value;
        using var random = RandomNumberGenerator.Create();
        var created = await new PromotionFactory(_store, _time, random).CreateAsync(request, cancellationToken);
        if (created.Promotion is not { } promotion)
        {
            var message = string.Join("\n", created.Errors);
            var notFound = message.Contains(" not found", StringComparison.Ordinal) || message.StartsWith("no Freight with alias", StringComparison.Ordinal);
            // Reason BadInput: nothing was created, and the CLI refuses such a request with exit 2 in both modes.
            return new ApiError(notFound ? 404 : 400, message) { Errors = created.Errors, Reason = "BadInput" };
        }
        var stored = await _store.GetAsync(new ResourceKey("Promotion", project, promotion.Name), cancellationToken);
        return stored is null ? ApiError.NotFound(KargoNames.NotFound(new ResourceKey("Promotion", project, promotion.Name))) : stored;
    }

    /// <summary>The engine's request for a promote body: exactly one of Freight name, alias or <c>Warehouse/&lt;name&gt;</c>.</summary>
    internal static ApiOutcome<PromotionRequest> RequestOf(string project, string stage, PromoteBody body, string actor)
    {
        ArgumentNullException.ThrowIfNull(body);
        var chosen = new[] { body.Freight, body.FreightAlias, body.Origin }.Count(v => !string.IsNullOrEmpty(v));
        if (chosen != 1)
        {
            return ApiError.BadRequest("exactly one of freight, freightAlias, or origin must be provided");
        }
        string? warehouse = null;
        if (!string.IsNullOrEmpty(body.Origin))
        {
            var parts = body.Origin.Split('/');
            if (parts.Length != 2 || parts[0] != "Warehouse" || parts[1].Length == 0)
            {
                return ApiError.BadRequest($"invalid origin \"{body.Origin}\": expected \"Warehouse/<name>\"");
            }
            warehouse = parts[1];
        }
        return new PromotionRequest(project, stage)
        {
            Freight = NullIfEmpty(body.Freight),
            FreightAlias = NullIfEmpty(body.FreightAlias),
            Warehouse = warehouse,
            Actor = actor,
        };
    }

    /// <summary>Asks a Promotion to abort; a terminal one is left as it is (still a success, as Kargo).</summary>
    public async Task<ApiOutcome<bool>> AbortPromotionAsync(string project, string name, string actor, CancellationToken cancellationToken)
    {
        var engine = new PromotionEngine(_store, new PromotionEngineOptions(_workRoot), _time);
        try
        {
            return await engine.RequestAbortAsync(project, name, actor, cancellationToken);
        }
        catch (ResourceNotFoundException)
        {
            return ApiError.NotFound(KargoNames.NotFound(new ResourceKey("Promotion", project, name)));
        }
    }

    private async Task<ApiOutcome<StoredResource>> AnnotateAsync(ResourceKey key, string annotation, string value, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await _store.GetAsync(key, cancellationToken);
            if (current is null)
            {
                return ApiError.NotFound("patch annotation: " + KargoNames.NotFound(key));
            }
            var annotations = new Dictionary<string, string>(current.Annotations, StringComparer.Ordinal) { [annotation] = value };
            try
            {
                return await _store.UpdateAsync(ResourceUpdate.From(current, current.Spec) with { Annotations = annotations }, cancellationToken);
            }
            catch (ResourceConflictException ex) when (attempt >= Attempts)
            {
                return ApiError.Conflict(ex.Message);
            }
            catch (ResourceConflictException)
            {
                // A controller wrote between the read and the write: read again.
            }
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
