namespace Barge.Engine.Registry;

/// <summary>
/// A manifest as read from a registry: either a single image (<see cref="Config"/> set) or an
/// index / manifest list (<see cref="Manifests"/> non-empty). <see cref="Digest"/> is the digest
/// of the bytes as served.
/// </summary>
public sealed record OciManifest(
    string MediaType,
    string Digest,
    ManifestDescriptor? Config,
    IReadOnlyList<ManifestDescriptor> Manifests,
    IReadOnlyDictionary<string, string> Annotations)
{
    public bool IsIndex => ManifestMediaTypes.IsIndex(MediaType);
}
