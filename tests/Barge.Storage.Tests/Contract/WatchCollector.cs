using Barge.Storage.Watching;
using Xunit;

namespace Barge.Storage.Tests.Contract;

/// <summary>Reads a watch until a version is reached, for the watch tests of every store.</summary>
internal static class WatchCollector
{
    /// <summary>Collects changes from a watch until one at or above <paramref name="untilVersion"/> (or the timeout).</summary>
    public static async Task<List<ResourceChange>> CollectAsync(
        IResourceStore store, long fromVersion, long untilVersion, ResourceQuery? filter = null, int timeoutSeconds = 60)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        var changes = new List<ResourceChange>();
        try
        {
            await foreach (var change in store.WatchAsync(fromVersion, filter, timeout.Token))
            {
                changes.Add(change);
                if (change.ResourceVersion >= untilVersion)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"watch from {fromVersion} did not reach version {untilVersion} in {timeoutSeconds} s; last seen {changes.LastOrDefault()?.ResourceVersion}");
        }
        return changes;
    }

    /// <summary>Every version in (from, until] exactly once, in order.</summary>
    public static void AssertContiguous(IReadOnlyList<ResourceChange> changes, long from, long until)
    {
        var expected = Enumerable.Range((int)from + 1, (int)(until - from)).Select(v => (long)v);
        Assert.Equal(expected, changes.Select(c => c.ResourceVersion));
    }
}
