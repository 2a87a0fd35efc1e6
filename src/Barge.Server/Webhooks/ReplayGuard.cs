using System.Collections.Concurrent;

namespace Barge.Server.Webhooks;

/// <summary>
/// Remembers deliveries for a window (on the injected clock) so that the same delivery, named by the
/// sender's delivery id or by the digest of its body, is refused the second time. Only authenticated
/// deliveries are recorded, so a caller without the secret cannot block a legitimate one.
/// </summary>
internal sealed class ReplayGuard(TimeProvider time, WebhookOptions options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private long _lastSweepTicks;

    /// <summary>Records <paramref name="key"/>; false when it was already recorded within the window.</summary>
    public bool TryRecord(string key)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        var added = true;
        _seen.AddOrUpdate(key, now, (_, previous) =>
        {
            if (now - previous < options.ReplayWindow)
            {
                added = false;
                return previous;
            }
            return now;
        });
        return added;
    }

    private void Sweep(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now.UtcTicks - last < options.ReplayWindow.Ticks || Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) != last)
        {
            return;
        }
        foreach (var (key, seen) in _seen)
        {
            if (now - seen >= options.ReplayWindow)
            {
                _seen.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, seen));
            }
        }
    }
}
