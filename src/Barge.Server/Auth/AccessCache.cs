using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Barge.Storage;

namespace Barge.Server.Auth;

/// <summary>
/// What the access check reads from the store, kept for one store resourceVersion: the map from a
/// token's SHA-256 to its <see cref="Caller"/> (all API tokens, read once per version) and whether a
/// project exists (read once per project and version). The caller passes the version its request
/// works at (<see cref="Api.StoreVersions"/>, never older than a write committed before the request
/// arrived); any write anywhere moves the version and the next request reads afresh, so revoking a
/// token, re-creating it with other roles or deleting a project takes effect on the very next request.
/// Entries read for a version may come from a newer store state, never an older one. A request whose
/// version is older than the cached one (it read the version just before a write) reads without the
/// cache rather than trust that versions only grow (a store file restored from a backup goes back).
/// </summary>
internal sealed class AccessCache(IResourceStore store, ApiTokens tokens)
{
    /// <summary>More distinct project names than this in one version are read without caching.</summary>
    private const int MaxProjects = 4096;

    private Generation? _current;
    private long _storeReads;

    /// <summary>How many token-map and project reads reached the store (for tests and diagnostics).</summary>
    public long StoreReads => Interlocked.Read(ref _storeReads);

    /// <summary>The caller an API token authenticates as, or null when no live token has that value.</summary>
    public ValueTask<Caller?> AuthenticateAsync(string presented, long version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presented);
        if (!ApiTokens.HasTokenPrefix(presented))
        {
            return ValueTask.FromResult<Caller?>(null);
        }
        var map = For(version).Tokens(this);
        return map.IsCompletedSuccessfully
            ? ValueTask.FromResult(Find(map.Result, presented))
            : FindAsync(map, presented, cancellationToken);
    }

    /// <summary>Whether the project exists in the store at (or after) <paramref name="version"/>.</summary>
    public ValueTask<bool> ProjectExistsAsync(string project, long version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var exists = For(version).Project(this, project);
        return exists.IsCompletedSuccessfully ? ValueTask.FromResult(exists.Result) : new ValueTask<bool>(exists.WaitAsync(cancellationToken));
    }

    private static async ValueTask<Caller?> FindAsync(Task<Dictionary<string, Entry>> map, string presented, CancellationToken cancellationToken) =>
        Find(await map.WaitAsync(cancellationToken), presented);

    private static Caller? Find(Dictionary<string, Entry> map, string presented)
    {
        var hash = ApiTokens.Hash(presented);
        // The map narrowed by hash; the final comparison is constant-time all the same.
        return map.TryGetValue(hash, out var entry) && CryptographicOperations.FixedTimeEquals(entry.Sha256, Encoding.ASCII.GetBytes(hash))
            ? entry.Caller
            : null;
    }

    /// <summary>
    /// The cached generation for <paramref name="version"/>: the current one, or a new one that replaces
    /// it; for a version other than the newest seen, a throw-away one that is not kept.
    /// </summary>
    private Generation For(long version)
    {
        var current = Volatile.Read(ref _current);
        while (current is null || current.Version < version)
        {
            var next = new Generation(version);
            var seen = Interlocked.CompareExchange(ref _current, next, current);
            if (ReferenceEquals(seen, current))
            {
                return next;
            }
            current = seen;
        }
        return current.Version == version ? current : new Generation(version);
    }

    private async Task<Dictionary<string, Entry>> ReadTokensAsync()
    {
        Interlocked.Increment(ref _storeReads);
        var all = await tokens.ListHashedAsync(CancellationToken.None).ConfigureAwait(false);
        var map = new Dictionary<string, Entry>(all.Count, StringComparer.Ordinal);
        foreach (var token in all)
        {
            map[token.Sha256] = new Entry(Encoding.ASCII.GetBytes(token.Sha256), new Caller("token:" + token.Token.Name, token.Token.Roles));
        }
        return map;
    }

    private async Task<bool> ReadProjectAsync(string project)
    {
        Interlocked.Increment(ref _storeReads);
        return await store.GetAsync(ResourceKey.Cluster("Project", project), CancellationToken.None).ConfigureAwait(false) is not null;
    }

    private sealed record Entry(byte[] Sha256, Caller Caller);

    /// <summary>The entries of one store version. A failed read is not kept: the next request reads again.</summary>
    private sealed class Generation(long version)
    {
        private readonly ConcurrentDictionary<string, Task<bool>> _projects = new(StringComparer.Ordinal);
        private Task<Dictionary<string, Entry>>? _tokens;

        public long Version { get; } = version;

        public Task<Dictionary<string, Entry>> Tokens(AccessCache owner)
        {
            var known = Volatile.Read(ref _tokens);
            if (known is not null && !known.IsFaulted && !known.IsCanceled)
            {
                return known;
            }
            var fresh = owner.ReadTokensAsync();
            var seen = Interlocked.CompareExchange(ref _tokens, fresh, known);
            return ReferenceEquals(seen, known) ? fresh : seen!;
        }

        public Task<bool> Project(AccessCache owner, string project)
        {
            if (_projects.TryGetValue(project, out var known) && !known.IsFaulted && !known.IsCanceled)
            {
                return known;
            }
            var fresh = owner.ReadProjectAsync(project);
            if (_projects.Count < MaxProjects || known is not null)
            {
                _projects[project] = fresh;
            }
            return fresh;
        }
    }
}
