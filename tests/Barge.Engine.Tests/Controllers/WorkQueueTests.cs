using Barge.Engine.Controllers;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Barge.Engine.Tests.Controllers;

public sealed class WorkQueueTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly WorkQueue<string> _queue;

    public WorkQueueTests() => _queue = new WorkQueue<string>(_time, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

    public void Dispose() => _queue.Dispose();

    [Fact]
    public async Task Add_SameKeyTwice_HandedOutOnce()
    {
        _queue.Add("a");
        _queue.Add("a");
        _queue.Add("b");

        Assert.Equal("a", await _queue.TakeAsync(CancellationToken.None));
        Assert.Equal("b", await _queue.TakeAsync(CancellationToken.None));
        Assert.Equal(0, _queue.PendingCount);
    }

    [Fact]
    public async Task Add_WhileProcessing_NotHandedOutUntilDone()
    {
        _queue.Add("a");
        var taken = await _queue.TakeAsync(CancellationToken.None);
        _queue.Add("a");

        Assert.Equal(0, _queue.PendingCount);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _queue.TakeAsync(cts.Token));

        _queue.Done(taken);
        Assert.Equal(1, _queue.PendingCount);
        Assert.Equal("a", await _queue.TakeAsync(CancellationToken.None));
    }

    [Fact]
    public void AddAfter_FiresOnlyWhenDue_EarliestWins()
    {
        _queue.AddAfter("a", TimeSpan.FromSeconds(30));
        _queue.AddAfter("a", TimeSpan.FromSeconds(5));
        _queue.AddAfter("a", TimeSpan.FromSeconds(20));

        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, _queue.PendingCount);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(1), _queue.NextDue);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _queue.PendingCount);
        Assert.Null(_queue.NextDue);
    }

    [Fact]
    public void AddWithBackoff_DoublesUpToMaxThenForgetResets()
    {
        var delays = Enumerable.Range(0, 6).Select(_ => _queue.AddWithBackoff("a")).ToList();

        Assert.Equal([1, 2, 4, 8, 10, 10], delays.Select(d => d.TotalSeconds));
        Assert.Equal(6, _queue.Failures("a"));
        _queue.Forget("a");
        Assert.Equal(TimeSpan.FromSeconds(1), _queue.AddWithBackoff("a"));
    }

    [Fact]
    public void Add_CancelsPendingTimer()
    {
        _queue.AddAfter("a", TimeSpan.FromSeconds(5));
        _queue.Add("a");

        Assert.Null(_queue.NextDue);
        Assert.Equal(1, _queue.PendingCount);
    }
}
