using Barge.Engine.Credentials;
using Barge.Engine.Registry;
using Xunit;

namespace Barge.Engine.Tests.Registry;

public sealed class RegistryAuthenticatorTests
{
    private static readonly ImageRepository Secure = new("registry.example.com", "team/app", PlainHttp: false);

    [Fact]
    public async Task AuthorizationForAsync_PlainHttpRealmOfHttpsRegistry_RefusesToSendCredentials()
    {
        using var clients = new RegistryHttpClients();
        var authenticator = new RegistryAuthenticator(new RegistryClientOptions(), new RegistryTokenCache(TimeProvider.System), new RegistryRequestCounters(), clients);
        var request = new RegistryRequest(HttpMethod.Get, new Uri("https://registry.example.com/v2/team/app/tags/list"), Secure, new RegistryAccess(new RepositoryCredentials("u", "p")), RegistryRequestKind.TagList, "tag list", 1024);

        var error = await Assert.ThrowsAsync<RegistryException>(() => authenticator.AuthorizationForAsync(request, AuthChallenge.Parse("Bearer realm=\"http://auth.example.com/token\""), refresh: true, CancellationToken.None));

        Assert.Contains("not sent over an unencrypted connection", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer service=\"x\"", "no usable realm")]
    [InlineData("Bearer realm=\"ftp://auth.example.com\"", "no usable realm")]
    [InlineData("Negotiate abc=1", "Negotiate authentication, which is not supported")]
    public async Task AuthorizationForAsync_UnusableChallenge_ClearError(string header, string expected)
    {
        using var clients = new RegistryHttpClients();
        var authenticator = new RegistryAuthenticator(new RegistryClientOptions(), new RegistryTokenCache(TimeProvider.System), new RegistryRequestCounters(), clients);
        var request = new RegistryRequest(HttpMethod.Get, new Uri("https://registry.example.com/v2/"), Secure, RegistryAccess.Anonymous, RegistryRequestKind.TagList, "tag list", 1024);

        var error = await Assert.ThrowsAsync<RegistryException>(() => authenticator.AuthorizationForAsync(request, AuthChallenge.Parse(header), refresh: true, CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizationForAsync_BasicChallengeWithoutCredentials_Anonymous()
    {
        using var clients = new RegistryHttpClients();
        var authenticator = new RegistryAuthenticator(new RegistryClientOptions(), new RegistryTokenCache(TimeProvider.System), new RegistryRequestCounters(), clients);
        var request = new RegistryRequest(HttpMethod.Get, new Uri("https://registry.example.com/v2/"), Secure, RegistryAccess.Anonymous, RegistryRequestKind.TagList, "tag list", 1024);

        Assert.Null(await authenticator.AuthorizationForAsync(request, AuthChallenge.Parse("Basic realm=\"r\""), refresh: true, CancellationToken.None));
    }
}
