namespace Barge.Engine.Controllers;

/// <summary>
/// A keyed work queue, as client-go's rate-limited delaying queue: a key waits at most once (adding a
/// pending key again does nothing), a key being processed is never handed out again until
/// <see cref="Done"/>, and a key added while processed is handed out again after it. Delayed adds use
/// <see cref="TimeProvider"/> timers (the earliest requested time wins); failures back off
/// exponentially per key until <see cref="Forget"/>.
/// </summary>
public sealed class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly object _gate = new();
    private readonly Queue<TKey> _ready = new();
    private readonly HashSet<TKey> _pending = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly HashSet<TKey> _dirty = [];
    private readonly Dictionary<TKey, (DateTimeOffset Due, ITimer Timer)> _timers = [];
    private readonly Dictionary<TKey, int> _failures = [];
    private readonly SemaphoreSlim _signal = new(0);
    private readonly TimeProvider _time;
    private readonly TimeSpan _baseBackoff;
    private readonly TimeSpan _maxBackoff;
    private bool _disposed;

    public WorkQueue(TimeProvider time, TimeSpan baseBackoff, TimeSpan maxBackoff)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (baseBackoff <= TimeSpan.Zero || maxBackoff < baseBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(baseBackoff), "back-off needs 0 < base <= max");
        }
        _time = time;
        _baseBackoff = baseBackoff;
        _maxBackoff = maxBackoff;
    }

    /// <summary>Keys waiting to be handed out (not counting delayed ones).</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Keys handed out and not yet <see cref="Done"/>.</summary>
    public int ProcessingCount
    {
        get
        {
            lock (_gate)
            {
                return _processing.Count;
            }
        }
    }

    /// <summary>When the earliest delayed key is due; null when none is.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count == 0 ? null : _timers.Values.Min(t => t.Due);
            }
        }
    }

    /// <summary>Makes <paramref name="key"/> ready now (a pending key stays where it is).</summary>
    public void Add(TKey key)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            if (_timers.Remove(key, out var timer))
            {
                timer.Timer.Dispose();
            }
            if (_processing.Contains(key))
            {
                _dirty.Add(key);
                return;
            }
            if (_pending.Add(key))
            {
                _ready.Enqueue(key);
                _signal.Release();
            }
        }
    }

    /// <summary>Makes <paramref name="key"/> ready after <paramref name="delay"/>, unless it is due earlier already.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }
        lock (_gate)
        {
            if (_disposed || _pending.Contains(key))
            {
                return;
            }
            var due = _time.GetUtcNow() + delay;
            if (_timers.TryGetValue(key, out var existing))
            {
                if (existing.Due <= due)
                {
                    return;
                }
                existing.Timer.Dispose();
            }
            var timer = _time.CreateTimer(_ => Fire(key, due), null, delay, Timeout.InfiniteTimeSpan);
            _timers[key] = (due, timer);
        }
    }

    /// <summary>Requeues a failed key after its back-off (base × 2^(failures−1), capped); returns the delay.</summary>
    public TimeSpan AddWithBackoff(TKey key)
    {
        TimeSpan delay;
        lock (_gate)
        {
            var failures = _failures.TryGetValue(key, out var n) ? n + 1 : 1;
            _failures[key] = failures;
            var factor = Math.Pow(2, Math.Min(failures - 1, 30));
            delay = TimeSpan.FromTicks((long)Math.Min(_maxBackoff.Ticks, _baseBackoff.Ticks * factor));
        }
        AddAfter(key, delay);
        return delay;
    }

    /// <summary>Consecutive failures recorded for <paramref name="key"/>.</summary>
    public int Failures(TKey key)
    {
        lock (_gate)
        {
            return _failures.GetValueOrDefault(key);
        }
    }

    /// <summary>Clears the failure count of <paramref name="key"/> (after a success).</summary>
    public void Forget(TKey key)
    {
        lock (_gate)
        {
            _failures.Remove(key);
        }
    }

    /// <summary>Waits for a ready key and marks it processing.</summary>
    public async Task<TKey> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _signal.WaitAsync(cancellationToken);
            lock (_gate)
            {
                if (_ready.TryDequeue(out var key))
                {
                    _pending.Remove(key);
                    _processing.Add(key);
                    return key;
                }
            }
        }
    }

    /// <summary>Ends processing of <paramref name="key"/>; a key added meanwhile becomes ready again.</summary>
    public void Done(TKey key)
    {
        bool again;
        lock (_gate)
        {
            _processing.Remove(key);
            again = _dirty.Remove(key);
        }
        if (again)
        {
            Add(key);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var (_, timer) in _timers.Values)
            {
                timer.Dispose();
            }
            _timers.Clear();
        }
        _signal.Dispose();
    }

    private void Fire(TKey key, DateTimeOffset due)
    {
        lock (_gate)
        {
            if (!_timers.TryGetValue(key, out var entry) || entry.Due != due)
            {
                return;
            }
            _timers.Remove(key);
            entry.Timer.Dispose();
        }
        Add(key);
    }
}
