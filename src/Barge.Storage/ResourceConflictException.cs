namespace Barge.Storage;

/// <summary>
/// A compare-and-swap failed: the resource changed since the caller read it. Read again and retry.
/// </summary>
public sealed class ResourceConflictException : ResourceStoreException
{
    public ResourceConflictException(ResourceKey key, long actualResourceVersion, long expectedResourceVersion)
        : base(key, $"{key} was modified (resourceVersion {actualResourceVersion}, expected {expectedResourceVersion})")
    {
        ActualResourceVersion = actualResourceVersion;
        ExpectedResourceVersion = expectedResourceVersion;
    }

    public long ActualResourceVersion { get; }

    public long ExpectedResourceVersion { get; }
}
