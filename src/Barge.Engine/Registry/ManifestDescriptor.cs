namespace Barge.Engine.Registry;

/// <summary>A content descriptor inside a manifest or index: what it points at and, in an index, for which platform.</summary>
public sealed record ManifestDescriptor(
    string MediaType,
    string Digest,
    long Size,
    IReadOnlyDictionary<string, string> Annotations,
    ImagePlatform? Platform);
