using System.Text.Json;
using Barge.Storage.Events;
using Barge.Storage.Leasing;
using Barge.Storage.Watching;

namespace Barge.Storage;

/// <summary>
/// The document store with Kubernetes-like semantics that every controller, command and API route reads
/// and writes. Implementations: SQLite (embedded, <see cref="Sqlite.SqliteResourceStore"/>) and later
/// PostgreSQL; callers never know which.
/// <para>
/// Every write gets a store-wide monotonic resourceVersion and appends one change to the feed that
/// <see cref="WatchAsync"/> reads. Refused writes throw a <see cref="ResourceStoreException"/>
/// (<see cref="ResourceConflictException"/>, <see cref="ResourceNotFoundException"/>,
/// <see cref="ResourceAlreadyExistsException"/>) and change nothing.
/// </para>
/// </summary>
public interface IResourceStore : IAsyncDisposable
{
    /// <summary>The resource, or null when it is not stored.</summary>
    Task<StoredResource?> GetAsync(ResourceKey key, CancellationToken cancellationToken = default);

    /// <summary>Resources of one kind matching the query, ordered by project then name.</summary>
    Task<ResourceList> ListAsync(ResourceQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the resources of one kind matching the query, newest first (creation time descending,
    /// then name ascending), skipping <paramref name="offset"/> and taking at most <paramref name="limit"/>
    /// (1 to <see cref="ResourcePage.MaxLimit"/>), with the number that match in all: a Freight timeline reads
    /// 25 rows of one origin without loading the others.
    /// </summary>
    Task<ResourcePage> ListPageAsync(ResourceQuery query, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="ListPageAsync"/> for every group at once: the resources of one kind matching the query,
    /// grouped by the string at <paramref name="groupPath"/> in their spec (a Freight's <c>origin.name</c>;
    /// resources without a string there are left out), each group newest first with the same offset and
    /// limit, and each group's total. One read for all groups, so a timeline of 100 lanes costs one query.
    /// A group with nothing on the page (offset past its end) is absent from the result.
    /// </summary>
    Task<IReadOnlyDictionary<string, ResourcePage>> ListGroupPagesAsync(ResourceQuery query, IReadOnlyList<string> groupPath, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>The resourceVersion of the last write (0 for an empty store).</summary>
    Task<long> GetResourceVersionAsync(CancellationToken cancellationToken = default);

    Task<StoredResource> CreateAsync(NewResource resource, CancellationToken cancellationToken = default);

    /// <summary>Replaces metadata and spec if the resourceVersion still matches.</summary>
    Task<StoredResource> UpdateAsync(ResourceUpdate update, CancellationToken cancellationToken = default);

    /// <summary>Replaces the status if the resourceVersion still matches; never bumps generation.</summary>
    Task<StoredResource> UpdateStatusAsync(ResourceKey key, long expectedResourceVersion, JsonElement status, CancellationToken cancellationToken = default);

    /// <summary>Deletes; with compare-and-swap when <paramref name="expectedResourceVersion"/> is given. Returns the last state.</summary>
    Task<StoredResource> DeleteAsync(ResourceKey key, long? expectedResourceVersion = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs every operation in one transaction: all succeed or none is stored. The result has, per
    /// operation, the resource after it (the last state for a delete).
    /// </summary>
    Task<IReadOnlyList<StoredResource>> ApplyAsync(IReadOnlyList<StoreOperation> operations, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="ApplyAsync(IReadOnlyList{StoreOperation}, CancellationToken)"/>, and appends
    /// <paramref name="events"/> to the event log in the same transaction: a status write and the audit
    /// entry that records it are stored together or not at all (a crash between them cannot lose or
    /// repeat the entry).
    /// </summary>
    Task<IReadOnlyList<StoredResource>> ApplyAsync(IReadOnlyList<StoreOperation> operations, IReadOnlyList<EventEntry> events, CancellationToken cancellationToken = default);

    /// <summary>
    /// The changes with a resourceVersion above <paramref name="fromVersion"/> that match the filter:
    /// first the stored history, then new writes as they commit (from this process or another on the
    /// same store), in resourceVersion order, with no gap and no duplicate, until cancelled. Throws
    /// <see cref="ChangesCompactedException"/> when a change it would deliver was compacted away.
    /// </summary>
    IAsyncEnumerable<ResourceChange> WatchAsync(long fromVersion, ResourceQuery? filter = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Drops the changes up to <paramref name="throughVersion"/> (capped at the current version), so the
    /// feed does not grow forever. A watch that needs a dropped change then fails with
    /// <see cref="ChangesCompactedException"/> instead of skipping it. Returns the number of changes dropped.
    /// </summary>
    Task<long> CompactChangesAsync(long throughVersion, CancellationToken cancellationToken = default);

    /// <summary>Appends to the event log; the store stamps id and time.</summary>
    Task<RecordedEvent> AppendEventAsync(EventEntry entry, CancellationToken cancellationToken = default);

    Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Takes the lease if it is free, expired, or already held by <paramref name="holder"/>; null if another holds it.</summary>
    Task<Lease?> TryAcquireLeaseAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Extends a lease still held by <paramref name="holder"/>; null if it expired and was taken, or was never held.</summary>
    Task<Lease?> RenewLeaseAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up; false if <paramref name="holder"/> did not hold it.</summary>
    Task<bool> ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken = default);

    /// <summary>
    /// The leases whose names start with <paramref name="prefix"/>, expired or not, in name order: a read
    /// (no write lock), so replicas can see who holds what and when it lapses without contending.
    /// </summary>
    Task<IReadOnlyList<Lease>> ListLeasesAsync(string prefix, CancellationToken cancellationToken = default);
}
