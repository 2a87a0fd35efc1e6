using Barge.Resources.Identity;
using Barge.Resources.Manifests;
using Barge.Resources.Model;
using Barge.Resources.Serialization;

namespace Barge.Resources.Validation;

/// <summary>
/// Rules that need the whole set being applied and what is already stored: duplicate documents,
/// projects, Warehouses and Stages that must exist, Freight that must match its Warehouse's
/// subscriptions, Freight immutability and alias uniqueness. Pure apart from the lookup, so the apply
/// helper can run it before writing anything.
/// </summary>
public static class BatchValidator
{
    /// <summary>Every cross-document problem of <paramref name="documents"/>; empty when the batch may be applied.</summary>
    public static async Task<IReadOnlyList<ManifestError>> ValidateAsync(
        IReadOnlyList<ManifestDocument> documents, IResourceLookup existing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(existing);
        var errors = new List<ManifestError>();
        var batch = new Dictionary<(string Kind, string Project, string Name), ManifestDocument>();
        foreach (var document in documents)
        {
            var resource = document.Resource;
            var key = (resource.Kind, resource.Project, NameOf(resource));
            if (batch.TryGetValue(key, out var first))
            {
                errors.Add(document.Error("metadata.name", $"duplicate document: {Describe(resource.Kind, key.Item3, resource.Project)} is also defined at {first.Location}"));
                continue;
            }
            batch[key] = document;
        }
        var context = new Context(batch, existing, errors, cancellationToken);
        var aliases = new Dictionary<(string Project, string Alias), ManifestDocument>();
        foreach (var document in batch.Values)
        {
            var resource = document.Resource;
            var kind = ResourceKinds.Of(resource);
            if (kind.Namespaced && resource.Project.Length > 0
                && !await context.ExistsAsync("Project", "", resource.Project))
            {
                errors.Add(document.Error("metadata.namespace", $"project \"{resource.Project}\" not found"));
            }
            switch (resource)
            {
                case Stage stage:
                    await StageAsync(document, stage, context);
                    break;
                case Promotion promotion when !string.IsNullOrEmpty(promotion.Spec?.Stage):
                    if (!await context.ExistsAsync("Stage", promotion.Project, promotion.Spec.Stage))
                    {
                        errors.Add(document.Error("spec.stage", $"Stage \"{promotion.Spec.Stage}\" not found in project \"{promotion.Project}\""));
                    }
                    break;
                case Freight freight:
                    await FreightAsync(document, freight, context, aliases);
                    break;
            }
        }
        return errors;
    }

    private static async Task StageAsync(ManifestDocument document, Stage stage, Context context)
    {
        var requests = stage.Spec?.RequestedFreight ?? [];
        for (var i = 0; i < requests.Count; i++)
        {
            if (requests[i].Origin is { Name: { Length: > 0 } name } && !await context.ExistsAsync("Warehouse", stage.Project, name))
            {
                context.Errors.Add(document.Error(FieldPath.Item("spec.requestedFreight", i) + ".origin", $"Warehouse \"{name}\" not found in project \"{stage.Project}\""));
            }
        }
    }

    private static async Task FreightAsync(ManifestDocument document, Freight freight, Context context, Dictionary<(string, string), ManifestDocument> aliases)
    {
        var name = NameOf(freight);
        if (freight.Origin is { Name: { Length: > 0 } origin })
        {
            var warehouse = await context.GetAsync("Warehouse", freight.Project, origin) as Warehouse;
            if (warehouse is null)
            {
                context.Errors.Add(document.Error("origin", $"Warehouse \"{origin}\" not found in project \"{freight.Project}\""));
            }
            else
            {
                FreightMatcher.Check(document, freight, warehouse, context.Errors);
            }
        }
        if (await context.Existing.GetAsync("Freight", freight.Project, name, context.CancellationToken) is Freight stored)
        {
            var changed = ImmutableFieldsChanged(stored, freight);
            if (changed.Count > 0)
            {
                context.Errors.Add(document.Error(changed[0], $"Freight \"{name}\" is immutable: only alias and status may change, but {string.Join(", ", changed)} differ from the stored Freight"));
            }
        }
        if (!string.IsNullOrEmpty(freight.Alias))
        {
            if (aliases.TryGetValue((freight.Project, freight.Alias), out var other))
            {
                context.Errors.Add(document.Error("alias", $"alias \"{freight.Alias}\" is also given to the Freight at {other.Location}"));
            }
            else
            {
                aliases[(freight.Project, freight.Alias)] = document;
                var holder = await context.Existing.FindFreightByAliasAsync(freight.Project, freight.Alias, context.CancellationToken);
                if (holder is not null && holder != name)
                {
                    context.Errors.Add(document.Error("alias", $"alias \"{freight.Alias}\" already used by another piece of Freight in project \"{freight.Project}\" (\"{holder}\")"));
                }
            }
        }
    }

    private static List<string> ImmutableFieldsChanged(Freight stored, Freight updated)
    {
        var changed = new List<string>();
        Compare("origin", stored.Origin, updated.Origin);
        Compare("commits", stored.Commits, updated.Commits);
        Compare("images", stored.Images, updated.Images);
        Compare("charts", stored.Charts, updated.Charts);
        Compare("artifacts", stored.Artifacts, updated.Artifacts);
        return changed;

        void Compare<T>(string field, T before, T after)
        {
            var a = ResourceSerializer.ToJsonNode(before)?.ToJsonString() ?? "null";
            var b = ResourceSerializer.ToJsonNode(after)?.ToJsonString() ?? "null";
            if (a != b && !(IsEmpty(a) && IsEmpty(b)))
            {
                changed.Add(field);
            }
        }

        static bool IsEmpty(string json) => json is "null" or "[]";
    }

    private static string NameOf(Resource resource) =>
        resource is Freight freight ? FreightId.Compute(freight) : resource.Name;

    private static string Describe(string kind, string name, string project) =>
        project.Length == 0 ? $"{kind} \"{name}\"" : $"{kind} \"{name}\" in project \"{project}\"";

    private sealed record Context(
        Dictionary<(string Kind, string Project, string Name), ManifestDocument> Batch,
        IResourceLookup Existing,
        List<ManifestError> Errors,
        CancellationToken CancellationToken)
    {
        public async ValueTask<Resource?> GetAsync(string kind, string project, string name) =>
            Batch.TryGetValue((kind, project, name), out var document)
                ? document.Resource
                : await Existing.GetAsync(kind, project, name, CancellationToken);

        public async ValueTask<bool> ExistsAsync(string kind, string project, string name) =>
            await GetAsync(kind, project, name) is not null;
    }
}
