using Barge.Storage;

namespace Barge.Server.Api;

/// <summary>The Freight of a query in order, and the store version to watch from (null for a Stage query, as Kargo).</summary>
public sealed record FreightQueryResult(IReadOnlyList<StoredResource> Items, long? ResourceVersion);
