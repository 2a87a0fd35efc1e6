using Barge.Engine.Credentials;
using Barge.Engine.Manifests;
using Barge.Engine.Operations;
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

    /// <summary>
    /// Creates (<see cref="DocumentMode.Create"/>), updates or upserts, or deletes every document, or
    /// nothing: a refusal names each failing document (number, kind, name) with its problems.
    /// </summary>
    public async Task<ApiOutcome<IReadOnlyList<DocumentResult>>> RunAsync(string text, DocumentMode mode, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(caller);
        // A delete names objects: as in Kargo (and `barge delete -f`), their content is not validated.
        var read = new ManifestReader(new ManifestReaderOptions { Time = _time, Validate = mode != DocumentMode.Delete }).ReadText(text, "request body");
        if (read.Succeeded && read.Documents.Count == 0)
        {
            return ApiError.BadRequest("no resources found in request body");
        }
        var problems = new DocumentProblems(text, read);
        if (problems.Failed)
        {
            return problems.Refusal();
        }
        foreach (var document in read.Documents)
        {
            if (Denial(document.Resource, caller) is { } denial)
            {
                problems.Add(document, 403, denial);
            }
        }
        if (problems.Failed)
        {
            return problems.Refusal();
        }
        var keys = read.Documents.Select(d => KeyOf(d.Resource)).ToList();
        var found = new Dictionary<ResourceKey, StoredResource>();
        for (var i = 0; i < keys.Count; i++)
        {
            var current = await _store.GetAsync(keys[i], cancellationToken);
            var exists = current is not null;
            if (current is not null)
            {
                found[keys[i]] = current;
            }
            if (mode == DocumentMode.Create && exists)
            {
                problems.Add(read.Documents[i], 409, $"{SingularName(keys[i])} \"{keys[i].Name}\" already exists");
            }
            else if (mode == DocumentMode.Update && !exists)
            {
                problems.Add(read.Documents[i], 404, $"resource does not exist: {SingularName(keys[i])} \"{keys[i].Name}\"");
            }
            else if (mode == DocumentMode.Delete && !exists)
            {
                problems.Add(read.Documents[i], 404, KargoNames.NotFound(keys[i]));
            }
        }
        if (problems.Failed)
        {
            return problems.Refusal();
        }
        if (mode == DocumentMode.Delete)
        {
            return await DeleteAsync(keys, found, cancellationToken);
        }
        var result = await new ManifestApplier(_store, Random.Shared, _cipher).ApplyAsync(read.Documents, cancellationToken);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                problems.Add(error, 400);
            }
            return problems.Refusal();
        }
        if (result.StoreFailure is not null)
        {
            return ApiError.Conflict(result.StoreFailure + "; nothing was changed");
        }
        return result.Applied.Select(a => new DocumentResult(a.Outcome switch
        {
            ApplyOutcome.Created => DocumentOutcome.Created,
            ApplyOutcome.Unchanged => DocumentOutcome.Unchanged,
            _ => DocumentOutcome.Updated,
        }, a.Resource)).ToList();
    }

    /// <summary>
    /// Deletes every named object in one transaction, Projects last and each with everything in it (as
    /// <c>DELETE /projects/{p}</c> and <c>barge delete</c>); the results are the named objects, in order.
    /// </summary>
    /// <param name="found">Each named object as the existence check read it.</param>
    private async Task<ApiOutcome<IReadOnlyList<DocumentResult>>> DeleteAsync(List<ResourceKey> keys, Dictionary<ResourceKey, StoredResource> found, CancellationToken cancellationToken)
    {
        var named = keys.Distinct().ToList();
        var seen = new HashSet<ResourceKey>(named);
        var operations = named.Where(k => k.Kind != "Project").Select(k => (StoreOperation)new StoreOperation.Delete(k)).ToList();
        foreach (var key in named.Where(k => k.Kind == "Project"))
        {
            // Guarded by the versions read for the check: a write meanwhile fails the whole delete.
            operations.AddRange(await ProjectContents.DeletionAsync(_store, found[key], seen, cancellationToken));
        }
        try
        {
            var deleted = await _store.ApplyAsync(operations, cancellationToken);
            var byKey = deleted.ToDictionary(d => d.Key);
            return named.Select(k => new DocumentResult(DocumentOutcome.Deleted, byKey[k])).ToList();
        }
        catch (ResourceNotFoundException ex)
        {
            // Deleted by someone else between the check and the transaction.
            return ApiError.NotFound(KargoNames.NotFound(ex.Key) + "; nothing was deleted");
        }
        catch (ResourceConflictException)
        {
            return ApiError.Conflict("a project changed while it was being deleted; nothing was deleted, try again");
        }
        catch (ResourceStoreException ex)
        {
            return ApiError.Conflict(ex.Message + "; nothing was deleted");
        }
    }

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
