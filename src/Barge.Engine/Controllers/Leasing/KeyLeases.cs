using System.Collections.Concurrent;
using Barge.Storage;
using Barge.Storage.Leasing;
using Microsoft.Extensions.Logging;

namespace Barge.Engine.Controllers.Leasing;

/// <summary>
/// The reconcile keys this replica owns on a shared store. A key is reconciled only while its lease
/// (<c>&lt;reconciler&gt;/&lt;project&gt;/&lt;name&gt;</c>) is held; a replica that finds it held by another
/// parks the key instead. <see cref="SweepAsync"/> renews the held leases every
/// <see cref="KeyLeaseOptions.SweepInterval"/> and reads the others' (one read per leased reconciler):
/// a parked key whose lease lapsed (its owner died or let it go) is woken, so this replica takes it
/// over within one sweep of the lapse. Leases not used for <see cref="IdleRelease"/> are let go, so the
/// leases of deleted resources do not pile up.
/// </summary>
public sealed partial class KeyLeases
{
    private readonly IResourceStore _store;
    private readonly KeyLeaseOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Held> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Action> _parked = new(StringComparer.Ordinal);
    private long _parkCount;
    private long _takeovers;

    public KeyLeases(IResourceStore store, KeyLeaseOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>This replica's name in the leases.</summary>
    public string Holder => _options.Holder;

    /// <summary>How long a held lease may go unused before it is let go: 20 lease durations.</summary>
    public TimeSpan IdleRelease => _options.Duration * 20;

    /// <summary>The lease names held now, for diagnostics and tests.</summary>
    public IReadOnlyCollection<string> HeldNames => [.. _held.Keys];

    /// <summary>How many times a key was parked because another replica held it.</summary>
    public long ParkCount => Interlocked.Read(ref _parkCount);

    /// <summary>How many leases this replica took that had a previous holder (failover or hand-over).</summary>
    public long Takeovers => Interlocked.Read(ref _takeovers);

    /// <summary>Whether keys of <paramref name="reconciler"/> are leased.</summary>
    public bool Applies(string reconciler) => _options.Reconcilers.Contains(reconciler);

    /// <summary>The lease of one reconcile key.</summary>
    public static string NameOf(string reconciler, ResourceKey key) => $"{reconciler}/{key.Project}/{key.Name}";

    /// <summary>
    /// True when this replica holds <paramref name="name"/> (taking it when free or lapsed); false when
    /// another replica holds it, in which case <paramref name="wake"/> runs once the lease lapses.
    /// </summary>
    public async Task<bool> TryHoldAsync(string name, Action wake, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wake);
        var now = _time.GetUtcNow();
        if (_held.TryGetValue(name, out var held) && held.Lease.ExpiresAt - now > _options.SweepInterval)
        {
            _held[name] = held with { LastUsed = now };
            return true;
        }
        var lease = await _store.TryAcquireLeaseAsync(name, _options.Holder, _options.Duration, cancellationToken);
        if (lease is null)
        {
            _held.TryRemove(name, out _);
            _parked[name] = wake;
            Interlocked.Increment(ref _parkCount);
            return false;
        }
        _parked.TryRemove(name, out _);
        if (held is null && lease.Term > 1)
        {
            Interlocked.Increment(ref _takeovers);
            LogTaken(_logger, name, lease.Term);
        }
        _held[name] = new Held(lease, now);
        return true;
    }

    /// <summary>
    /// Renews and watches leases every sweep interval until cancelled; then lets every held lease go
    /// so the other replicas take the keys at once (a killed process cannot: its leases lapse).
    /// </summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                // Wall-clock pacing on purpose, as the Promotion lease renewal: the store's clock may be a test's.
                await Task.Delay(_options.SweepInterval, TimeProvider.System, cancellationToken);
                try
                {
                    await SweepOnceAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                {
                    // The store may be briefly unreachable: held leases lapse if it stays so, which is the point.
                    LogSweepFailed(_logger, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAllAsync();
            throw;
        }
    }

    /// <summary>One sweep: renew held leases (letting idle ones go), then wake parked keys whose lease lapsed.</summary>
    public async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        foreach (var (name, held) in _held)
        {
            if (now - held.LastUsed > IdleRelease)
            {
                _held.TryRemove(name, out _);
                await _store.ReleaseLeaseAsync(name, _options.Holder, cancellationToken);
                continue;
            }
            var renewed = await _store.RenewLeaseAsync(name, _options.Holder, _options.Duration, cancellationToken);
            if (renewed is null)
            {
                _held.TryRemove(name, out _);
                LogLost(_logger, name);
            }
            else
            {
                _held[name] = held with { Lease = renewed };
            }
        }
        if (_parked.IsEmpty)
        {
            return;
        }
        var current = new Dictionary<string, Lease>(StringComparer.Ordinal);
        foreach (var reconciler in _options.Reconcilers)
        {
            foreach (var lease in await _store.ListLeasesAsync(reconciler + "/", cancellationToken))
            {
                current[lease.Name] = lease;
            }
        }
        now = _time.GetUtcNow();
        foreach (var (name, wake) in _parked)
        {
            if (!current.TryGetValue(name, out var lease) || lease.ExpiresAt <= now || lease.Holder == _options.Holder)
            {
                if (_parked.TryRemove(name, out _))
                {
                    wake();
                }
            }
        }
    }

    private async Task ReleaseAllAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        foreach (var name in _held.Keys)
        {
            try
            {
                await _store.ReleaseLeaseAsync(name, _options.Holder, timeout.Token);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogSweepFailed(_logger, e.Message);
                return;
            }
        }
        _held.Clear();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "took over the lease {Lease} (term {Term})")]
    private static partial void LogTaken(ILogger logger, string lease, long term);

    [LoggerMessage(Level = LogLevel.Warning, Message = "lost the lease {Lease}: another replica took it after it lapsed")]
    private static partial void LogLost(ILogger logger, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the lease sweep failed: {Error}")]
    private static partial void LogSweepFailed(ILogger logger, string error);

    private sealed record Held(Lease Lease, DateTimeOffset LastUsed);
}
