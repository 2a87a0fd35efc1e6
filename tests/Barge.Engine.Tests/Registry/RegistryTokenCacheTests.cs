using Barge.Engine.Registry;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Barge.Engine.Tests.Registry;

public sealed class RegistryTokenCacheTests
{
    private static readonly RegistryTokenCache.TokenKey Key = new("https://auth.example.com/token", "registry", "repository:a:pull", "user");

    [Fact]
    public void Get_BeforeAndAfterRefreshPoint_HitThenMiss()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var cache = new RegistryTokenCache(time);
        cache.Set(Key, "tok", TimeSpan.FromSeconds(300));

        time.Advance(TimeSpan.FromSeconds(269));
        Assert.Equal("tok", cache.Get(Key));
        time.Advance(TimeSpan.FromSeconds(1)); // 10% of the lifetime early
        Assert.Null(cache.Get(Key));
    }

    [Fact]
    public void Get_OtherUserOrScope_Miss()
    {
        var cache = new RegistryTokenCache(new FakeTimeProvider());
        cache.Set(Key, "tok", TimeSpan.FromMinutes(5));

        Assert.Null(cache.Get(Key with { User = "someone-else" }));
        Assert.Null(cache.Get(Key with { Scope = "repository:b:pull" }));
    }
}
