using System.Text.Json;

namespace Barge.Storage;

/// <summary>
/// A resource as the store holds it: an envelope of Kubernetes-like metadata around spec and status
/// JSON. The store never interprets spec or status beyond the field filters a query asks for.
/// </summary>
/// <param name="Key">Kind, project and name.</param>
/// <param name="ApiVersion">The manifest's apiVersion, e.g. <c>kargo.akuity.io/v1alpha1</c>.</param>
/// <param name="Uid">Assigned once at creation (a GUID v7), never changed.</param>
/// <param name="ResourceVersion">Store-wide monotonic version of the last write to this resource.</param>
/// <param name="Generation">Starts at 1; bumped only when the spec changes.</param>
/// <param name="Labels">Label key to value.</param>
/// <param name="Annotations">Annotation key to value.</param>
/// <param name="CreationTimestamp">When the store created the resource (the store's clock).</param>
/// <param name="DeletionTimestamp">Set when deletion was requested and the resource lingers (finalisation).</param>
/// <param name="Spec">The desired state; a JSON object (or null JSON when the kind has none).</param>
/// <param name="Status">The observed state; null until a status write.</param>
public sealed record StoredResource(
    ResourceKey Key,
    string ApiVersion,
    string Uid,
    long ResourceVersion,
    long Generation,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset CreationTimestamp,
    DateTimeOffset? DeletionTimestamp,
    JsonElement Spec,
    JsonElement? Status);
