namespace Barge.Storage;

/// <summary>
/// The result of a list: the matching resources ordered by project then name, and the store's
/// resourceVersion at the moment of the read, from which a watch continues without gap.
/// </summary>
public sealed record ResourceList(IReadOnlyList<StoredResource> Items, long ResourceVersion);
