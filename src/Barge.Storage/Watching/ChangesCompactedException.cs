namespace Barge.Storage.Watching;

/// <summary>
/// A watch asked for (or fell behind to) changes the store no longer keeps (Kubernetes' "410 Gone"):
/// list again and watch from the list's resourceVersion.
/// </summary>
public sealed class ChangesCompactedException : Exception
{
    public ChangesCompactedException(long fromVersion, long compactedThrough)
        : base($"changes up to resourceVersion {compactedThrough} were compacted; a watch from {fromVersion} cannot be served (list again and watch from the list's resourceVersion)")
    {
        FromVersion = fromVersion;
        CompactedThrough = compactedThrough;
    }

    public long FromVersion { get; }

    public long CompactedThrough { get; }
}
