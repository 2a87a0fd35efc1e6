using Barge.Storage;
using Microsoft.AspNetCore.Http;

namespace Barge.Server.Api;

/// <summary>
/// The store resourceVersion a request works at, read once per request (shared between concurrent
/// requests by <see cref="SharedVersionReads"/>) and kept on the request: the access check
/// (<see cref="Auth.AccessCache"/>) and the list cache (<see cref="ListResponseCache"/>) both key on it,
/// so a cached list behind a cached access decision costs one shared version read and no other store
/// read. The version is never older than a write committed before the request arrived, so a revoked
/// token, a changed role or a deleted project is seen by the very next request.
/// </summary>
internal sealed class StoreVersions(IResourceStore store)
{
    private static readonly object ItemKey = new();

    private readonly SharedVersionReads _reads = new(store);

    /// <summary>How many version reads reached the store (for tests and diagnostics).</summary>
    public long StoreReads => _reads.StoreReads;

    /// <summary>The request's version: read on first use, the same value afterwards.</summary>
    public ValueTask<long> OfRequestAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ItemKey, out var known) && known is long version)
        {
            return ValueTask.FromResult(version);
        }
        return new ValueTask<long>(ReadAsync(context));
    }

    /// <summary>A version at least as new as every write committed before this call (not tied to a request).</summary>
    public Task<long> ReadAsync(CancellationToken cancellationToken) => _reads.ReadAsync(cancellationToken);

    private async Task<long> ReadAsync(HttpContext context)
    {
        var version = await _reads.ReadAsync(context.RequestAborted);
        context.Items[ItemKey] = version;
        return version;
    }
}
