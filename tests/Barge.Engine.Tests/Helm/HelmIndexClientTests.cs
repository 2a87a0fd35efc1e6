using Barge.Engine.Credentials;
using Barge.Engine.Helm;
using Barge.Engine.Tests.Registry;
using Xunit;

namespace Barge.Engine.Tests.Helm;

public sealed class HelmIndexClientTests
{
    [Fact]
    public async Task GetIndexAsync_RedirectToAnotherHost_CredentialsStayBehind()
    {
        await using var storage = new LoopbackHttpServer(context => LoopbackHttpServer.WriteAsync(context.Response, 200, "entries:\n  app:\n    - version: 1.0.0\n", "application/x-yaml"));
        await using var repository = new LoopbackHttpServer(async context =>
        {
            context.Response.RedirectLocation = $"http://{storage.Authority}/blob/index.yaml";
            await LoopbackHttpServer.WriteAsync(context.Response, 302, "");
        });
        using var client = new HelmIndexClient(new HelmIndexClientOptions());

        var index = await client.GetIndexAsync($"http://{repository.Authority}/charts/", new RepositoryCredentials("u", "secret-pw"), false, CancellationToken.None);

        Assert.Equal(["1.0.0"], index.VersionsOf("app"));
        Assert.NotNull(Assert.Single(repository.Requests).Authorization);
        Assert.Null(Assert.Single(storage.Requests).Authorization);
        Assert.Equal("/charts/index.yaml", repository.Requests.Single().PathAndQuery);
    }

    [Fact]
    public async Task GetIndexAsync_Stall_TimesOut()
    {
        await using var server = new LoopbackHttpServer(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            await LoopbackHttpServer.WriteAsync(context.Response, 200, "entries: {}");
        });
        using var client = new HelmIndexClient(new HelmIndexClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        var error = await Assert.ThrowsAsync<HelmRepositoryException>(() => client.GetIndexAsync($"http://{server.Authority}", null, false, CancellationToken.None));

        Assert.Contains("no complete answer within 0.3 s", error.Message, StringComparison.Ordinal);
    }
}
