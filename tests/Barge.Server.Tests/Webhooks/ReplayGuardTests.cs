using Barge.Server.Webhooks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Barge.Server.Tests.Webhooks;

public sealed class ReplayGuardTests
{
    [Fact]
    public void TryRecord_SameKeyWithinWindow_IsRefusedThenAcceptedAfterIt()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var guard = new ReplayGuard(time, new WebhookOptions { ReplayWindow = TimeSpan.FromMinutes(10) });

        Assert.True(guard.TryRecord("a"));
        Assert.False(guard.TryRecord("a"));
        Assert.True(guard.TryRecord("b"));
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(guard.TryRecord("a"));
        Assert.False(guard.TryRecord("a"));
    }
}
