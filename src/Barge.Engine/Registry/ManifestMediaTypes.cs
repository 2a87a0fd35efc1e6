namespace Barge.Engine.Registry;

/// <summary>The manifest media types Barge reads: Docker v2 and OCI, single images and indexes.</summary>
public static class ManifestMediaTypes
{
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    /// <summary>The <c>Accept</c> list sent for every manifest request.</summary>
    public static IReadOnlyList<string> All { get; } = [OciIndex, DockerManifestList, OciManifest, DockerManifest];

    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;

    public static bool IsManifest(string mediaType) => mediaType is OciManifest or DockerManifest;
}
