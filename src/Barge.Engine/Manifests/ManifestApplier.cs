using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Engine.Credentials;
using Barge.Resources.Identity;
using Barge.Resources.Manifests;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Resources.Validation;
using Barge.Storage;

namespace Barge.Engine.Manifests;

/// <summary>
/// <c>barge apply</c> (and later the REST API's <c>PUT /resources?upsert=true</c>): validates a set of
/// documents against each other and against the store, gives Freight its ID and a unique alias, decides
/// per document whether it is created, configured or unchanged, and writes everything in ONE atomic,
/// compare-and-swap checked store batch. Any problem means nothing is written.
/// <para>
/// A document's <c>status</c> is not applied (as <c>kubectl apply</c> treats resources with a status
/// subresource): status belongs to the controllers. Server-set metadata (uid, resourceVersion,
/// generation, timestamps) in a document is ignored for the same reason.
/// </para>
/// </summary>
public sealed class ManifestApplier
{
    private readonly IResourceStore _store;
    private readonly FreightAliases _aliases;
    private readonly SecretCipher? _cipher;

    /// <param name="store">The store written to.</param>
    /// <param name="random">The source of generated Freight aliases (tests pass a seeded one).</param>
    /// <param name="cipher">Seals Secret values at rest; without it a batch holding a Secret is refused.</param>
    public ManifestApplier(IResourceStore store, Random random, SecretCipher? cipher = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(random);
        _store = store;
        _aliases = new FreightAliases(random);
        _cipher = cipher;
    }

    /// <summary>Applies documents that <see cref="ManifestReader"/> read, validated and defaulted.</summary>
    public async Task<ApplyResult> ApplyAsync(IReadOnlyList<ManifestDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var snapshot = new StoreSnapshot(_store);
        var errors = await BatchValidator.ValidateAsync(documents, snapshot, cancellationToken);
        if (errors.Count > 0)
        {
            return ApplyResult.Invalid(errors);
        }

        // Kargo creates Projects first, then everything else in input order.
        var ordered = documents.Where(d => d.Resource is Project).Concat(documents.Where(d => d.Resource is not Project)).ToList();
        var plans = new List<Plan>(ordered.Count);
        var newAliases = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var document in ordered)
        {
            var resource = document.Resource;
            var kind = ResourceKinds.Of(resource);
            // Freight is stored under its ID, whatever name the document gave (as Kargo's webhook does).
            var name = resource is Freight f ? FreightId.Compute(f) : resource.Name;
            var key = new ResourceKey(kind.Name, kind.Namespaced ? resource.Project : "", name);
            var stored = await snapshot.GetStoredAsync(key, cancellationToken);
            if (resource is Freight freight)
            {
                resource = await WithAliasAsync(freight with { Metadata = freight.Metadata with { Name = name } }, stored, snapshot, newAliases, cancellationToken);
            }
            var manifest = ResourceSerializer.ToJsonNode(resource);
            if (resource is Freight && stored is not null)
            {
                // discoveredAt is defaulted to "now" when a document has none; the stored one stands.
                KeepStoredDiscoveredAt(manifest, stored);
            }
            var spec = ManifestEnvelope.SpecOf(kind.Name, manifest);
            if (resource is Secret)
            {
                // Secret values are sealed before they reach the store; only their users open them.
                if (_cipher is null)
                {
                    return ApplyResult.Refused($"Secret \"{name}\" in project \"{key.Project}\": no secret key is available to encrypt it; nothing was stored");
                }
                if (!SecretSealing.TrySeal(spec, stored?.Spec, key.Project, name, _cipher, out var sealedSpec, out var sealError))
                {
                    return ApplyResult.Refused(sealError + "; nothing was stored");
                }
                spec = sealedSpec.Value;
            }
            var labels = (IReadOnlyDictionary<string, string>?)resource.Metadata.Labels ?? new Dictionary<string, string>();
            var annotations = (IReadOnlyDictionary<string, string>?)resource.Metadata.Annotations ?? new Dictionary<string, string>();
            plans.Add(stored is null
                ? new Plan(key, kind.ApiVersion, ApplyOutcome.Created,
                    new StoreOperation.Create(new NewResource(key, kind.ApiVersion, spec) { Labels = labels, Annotations = annotations }), null)
                : Unchanged(stored, kind.ApiVersion, spec, labels, annotations)
                    ? new Plan(key, kind.ApiVersion, ApplyOutcome.Unchanged, null, stored)
                    : new Plan(key, kind.ApiVersion, ApplyOutcome.Configured,
                        new StoreOperation.Update(new ResourceUpdate(key, stored.ResourceVersion, kind.ApiVersion, spec) { Labels = labels, Annotations = annotations }), null));
        }

        var operations = plans.Where(p => p.Operation is not null).Select(p => p.Operation!).ToList();
        IReadOnlyList<StoredResource> written = [];
        if (operations.Count > 0)
        {
            try
            {
                written = await _store.ApplyAsync(operations, cancellationToken);
            }
            catch (ResourceStoreException ex)
            {
                return ApplyResult.Refused(ex.Message + " while applying; nothing was stored, apply again");
            }
        }
        var applied = new List<AppliedResource>(plans.Count);
        var next = 0;
        foreach (var plan in plans)
        {
            var after = plan.Operation is null ? plan.Stored! : written[next++];
            applied.Add(new AppliedResource(plan.Key, plan.ApiVersion, plan.Outcome, after));
        }
        return ApplyResult.Success(applied);
    }

    /// <summary>
    /// The Freight with its alias decided: the document's, else the stored one's (re-applying a
    /// document without an alias keeps it), else a new one unique in the project; label in sync.
    /// </summary>
    private async Task<Freight> WithAliasAsync(
        Freight freight, StoredResource? stored, StoreSnapshot snapshot, Dictionary<string, HashSet<string>> newAliases, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(freight.Alias))
        {
            Taken(newAliases, freight.Project).Add(freight.Alias);
            return FreightAliases.SyncLabel(freight);
        }
        if (stored is not null && stored.Labels.TryGetValue(KargoApi.AliasLabel, out var kept))
        {
            return FreightAliases.WithAlias(freight, kept);
        }
        var inUse = await snapshot.AliasesAsync(freight.Project, cancellationToken);
        var taken = Taken(newAliases, freight.Project);
        var alias = _aliases.Generate(candidate => inUse.ContainsKey(candidate) || taken.Contains(candidate));
        taken.Add(alias);
        return FreightAliases.WithAlias(freight, alias);
    }

    private static HashSet<string> Taken(Dictionary<string, HashSet<string>> byProject, string project)
    {
        if (!byProject.TryGetValue(project, out var set))
        {
            byProject[project] = set = new HashSet<string>(StringComparer.Ordinal);
        }
        return set;
    }

    private static void KeepStoredDiscoveredAt(JsonObject manifest, StoredResource stored)
    {
        if (stored.Spec.ValueKind == JsonValueKind.Object && stored.Spec.TryGetProperty("discoveredAt", out var at))
        {
            manifest["discoveredAt"] = JsonNode.Parse(at.GetRawText());
        }
    }

    private static bool Unchanged(StoredResource stored, string apiVersion, JsonElement spec, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> annotations) =>
        stored.ApiVersion == apiVersion
        && JsonElement.DeepEquals(stored.Spec, spec)
        && SameMap(stored.Labels, labels)
        && SameMap(stored.Annotations, annotations);

    private static bool SameMap(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

    private sealed record Plan(ResourceKey Key, string ApiVersion, ApplyOutcome Outcome, StoreOperation? Operation, StoredResource? Stored);
}
