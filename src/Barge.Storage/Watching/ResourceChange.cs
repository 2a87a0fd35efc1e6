namespace Barge.Storage.Watching;

/// <summary>
/// One entry of the change feed. <paramref name="ResourceVersion"/> is the store-wide version of the
/// write; <paramref name="Object"/> is the resource after the write (for Deleted, its last state, with
/// the deletion's resourceVersion).
/// </summary>
public sealed record ResourceChange(ChangeType Type, long ResourceVersion, StoredResource Object);
