using Barge.Engine.Credentials;
using Barge.Engine.Manifests;
using Barge.Resources.Identity;
using Barge.Resources.Manifests;
using Barge.Resources.Model;
using Barge.Server.Auth;
using Barge.Storage;

namespace Barge.Server.Api;

/// <summary>
/// <c>POST|PUT|DELETE /v1beta1/resources</c>: multi-document YAML or JSON read and validated exactly as
/// <c>barge apply</c> reads files, applied through the same <see cref="ManifestApplier"/>, all or
/// nothing. The caller needs <c>admin</c> in every document's project, and system-admin for Projects.
/// </summary>
public sealed class ResourceDocuments
{
    private readonly IResourceStore _store;
    private readonly TimeProvider _time;
    private readonly SecretCipher? _cipher;

    public ResourceDocuments(IResourceStore store, TimeProvider time, SecretCipher? cipher)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
        _cipher = cipher;
    }

    /// <summary>Creates (<see cref="DocumentMode.Create"/>), updates or upserts, or deletes every document.</summary>
    public async Task<ApiOutcome<IReadOnlyList<DocumentResult>>> RunAsync(string text, DocumentMode mode, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var read = new ManifestReader(new ManifestReaderOptions { Time = _time }).ReadText(text, "request body");
        if (!read.Succeeded)
        {
            return Invalid(read.Errors);
        }
        if (read.Documents.Count == 0)
        {
            return ApiError.BadRequest("no resources found in request body");
        }
        var denied = read.Documents.Select(d => Denial(d.Resource, caller)).OfType<string>().ToList();
        if (denied.Count > 0)
        {
            return new ApiError(403, denied[0]) { Errors = denied };
        }
        var keys = read.Documents.Select(d => KeyOf(d.Resource)).ToList();
        if (mode == DocumentMode.Delete)
        {
            return await DeleteAsync(keys, cancellationToken);
        }
        if (mode is DocumentMode.Create or DocumentMode.Update)
        {
            foreach (var key in keys)
            {
                var exists = await _store.GetAsync(key, cancellationToken) is not null;
                if (mode == DocumentMode.Create && exists)
                {
                    return ApiError.Conflict($"{SingularName(key)} \"{key.Name}\" already exists");
                }
                if (mode == DocumentMode.Update && !exists)
                {
                    return ApiError.NotFound($"resource does not exist: {SingularName(key)} \"{key.Name}\"");
                }
            }
        }
        var result = await new ManifestApplier(_store, Random.Shared, _cipher).ApplyAsync(read.Documents, cancellationToken);
        if (result.Errors.Count > 0)
        {
            return Invalid(result.Errors);
        }
        if (result.StoreFailure is not null)
        {
            return ApiError.Conflict(result.StoreFailure);
        }
        return result.Applied.Select(a => new DocumentResult(a.Outcome == ApplyOutcome.Created ? DocumentOutcome.Created : DocumentOutcome.Updated, a.Resource)).ToList();
    }

    private async Task<ApiOutcome<IReadOnlyList<DocumentResult>>> DeleteAsync(List<ResourceKey> keys, CancellationToken cancellationToken)
    {
        // Kargo deletes Projects last.
        var ordered = keys.Where(k => k.Kind != "Project").Concat(keys.Where(k => k.Kind == "Project")).Distinct().ToList();
        try
        {
            var deleted = await _store.ApplyAsync(ordered.Select(k => (StoreOperation)new StoreOperation.Delete(k)).ToList(), cancellationToken);
            return deleted.Select(d => new DocumentResult(DocumentOutcome.Deleted, d)).ToList();
        }
        catch (ResourceNotFoundException ex)
        {
            return ApiError.NotFound(KargoNames.NotFound(ex.Key) + "; nothing was deleted");
        }
        catch (ResourceStoreException ex)
        {
            return ApiError.Conflict(ex.Message + "; nothing was deleted");
        }
    }

    private static ApiError Invalid(IReadOnlyList<ManifestError> errors) =>
        new(400, errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} problems in the manifests; nothing was applied")
        {
            Errors = errors.Select(e => e.ToString()).ToList(),
        };

    private static string? Denial(Resource resource, Caller caller)
    {
        var kind = ResourceKinds.Of(resource);
        if (!kind.Namespaced)
        {
            return caller.IsSystemAdmin ? null : $"{kind.Name} \"{resource.Name}\": system-admin is required for {caller.Actor}";
        }
        return caller.Can(resource.Project, ProjectRole.Admin)
            ? null
            : $"{kind.Name} \"{resource.Name}\" in project \"{resource.Project}\": admin in the project is required for {caller.Actor}";
    }

    private static ResourceKey KeyOf(Resource resource)
    {
        var kind = ResourceKinds.Of(resource);
        var name = resource is Freight f ? FreightId.Compute(f) : resource.Name;
        return new ResourceKey(kind.Name, kind.Namespaced ? resource.Project : "", name);
    }

    private static string SingularName(ResourceKey key) =>
        key.Kind.ToLowerInvariant() + (key.Kind is "Secret" or "ConfigMap" ? "" : ".kargo.akuity.io");
}
