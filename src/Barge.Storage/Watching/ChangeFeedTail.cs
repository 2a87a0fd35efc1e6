using System.Runtime.CompilerServices;
using Barge.Storage.Sqlite;

namespace Barge.Storage.Watching;

/// <summary>
/// The watch loop every store shares: read the changes above the last one delivered, a page at a time;
/// when a page is not full, wait for whichever comes first, the store's <see cref="ChangeSignal"/> (a
/// commit this process saw or was told about) or the poll interval. The signal's next task is taken
/// before the read, so a commit between the read and the wait still wakes the loop; versions commit in
/// order, so "above the last delivered" never skips a change and never repeats one.
/// </summary>
internal static class ChangeFeedTail
{
    public const int PageSize = 500;

    public delegate Task<List<ResourceChange>> PageReader(long after, ResourceQuery filter, CancellationToken cancellationToken);

    public static async IAsyncEnumerable<ResourceChange> RunAsync(
        long fromVersion,
        ResourceQuery filter,
        PageReader readPage,
        ChangeSignal signal,
        TimeSpan pollInterval,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = fromVersion;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var wake = signal.Next;
            var page = await readPage(last, filter, cancellationToken);
            foreach (var change in page)
            {
                last = change.ResourceVersion;
                if (filter.Matches(change.Object))
                {
                    yield return change;
                }
            }
            if (page.Count == PageSize)
            {
                continue;
            }
            using var delay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var poll = Task.Delay(pollInterval, time, delay.Token);
            await Task.WhenAny(wake, poll);
            await delay.CancelAsync();
        }
    }
}
