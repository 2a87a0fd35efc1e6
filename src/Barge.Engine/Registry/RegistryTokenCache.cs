using System.Collections.Concurrent;

namespace Barge.Engine.Registry;

/// <summary>
/// Bearer tokens by realm, service, scope and user, each kept until shortly before it expires
/// (10% of its lifetime early, at least 5 s), so a discovery does not ask the token server again
/// for every request.
/// </summary>
internal sealed class RegistryTokenCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<TokenKey, CachedToken> _tokens = new();

    public string? Get(TokenKey key)
    {
        if (_tokens.TryGetValue(key, out var token) && token.RefreshAt > time.GetUtcNow())
        {
            return token.Value;
        }
        return null;
    }

    public void Set(TokenKey key, string token, TimeSpan lifetime)
    {
        var margin = TimeSpan.FromTicks(Math.Max(lifetime.Ticks / 10, TimeSpan.FromSeconds(5).Ticks));
        _tokens[key] = new CachedToken(token, time.GetUtcNow() + lifetime - margin);
    }

    public void Remove(TokenKey key) => _tokens.TryRemove(key, out _);

    internal readonly record struct TokenKey(string Realm, string Service, string Scope, string User);

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);
}
